"""An event-sourced simulator of how a U.S. government action is fought in federal court.

The public surface: load a scenario, replay its events (with time travel),
and catch the two kinds of failure. Everything else lives in submodules.
"""

from simulator.decider import decide, evolve, replay
from simulator.errors import IllegalTransition, ScenarioError, SimulatorError
from simulator.events import Event
from simulator.scenario import Scenario, load_scenario
from simulator.state import CaseState

__all__ = [
    "CaseState",
    "Event",
    "IllegalTransition",
    "Scenario",
    "ScenarioError",
    "SimulatorError",
    "decide",
    "evolve",
    "load_scenario",
    "replay",
]
