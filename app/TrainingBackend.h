#pragma once
// The training job the application runs (tests inject fakes instead).
#include "train/TrainingJob.h"

cryo::TrainingFunction defaultTrainingFunction();
