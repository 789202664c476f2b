"""The terminal quiz app (Textual). Only this package imports textual."""
