"""A class: who is playing (the register), and the class on the web (``web/``)."""
