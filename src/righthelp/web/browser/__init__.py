"""The framework browser: each pack's levels, responses, contacts, timescales, rules,
guidance and indicators, with the source lines they were transcribed from."""
