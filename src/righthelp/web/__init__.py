"""The RightHelp web service: a Django project over the domain core (framework, engine,
narrative). The core never imports Django; this package only calls it."""
