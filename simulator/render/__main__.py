"""``python -m simulator.render --all``: redraw the diagrams of every bundled scenario."""

from simulator.render.commands import regenerate

regenerate(prog_name="python -m simulator.render")
