"""Exploring the process: the steps allowed next, random legal histories, and beyond."""
