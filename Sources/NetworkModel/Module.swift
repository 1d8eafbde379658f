// Module NetworkModel.
