// Module SimKernel.
