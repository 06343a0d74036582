"""quiz: a terminal study trainer that turns news articles into question banks."""

__version__ = "0.1.0"
