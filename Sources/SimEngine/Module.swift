// Module SimEngine.
