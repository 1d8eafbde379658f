// Module ScenarioFormat.
