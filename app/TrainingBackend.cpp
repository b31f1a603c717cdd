#include "TrainingBackend.h"

cryo::TrainingFunction defaultTrainingFunction() { return cryo::trainModel; }
