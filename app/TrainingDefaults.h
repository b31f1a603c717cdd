#pragma once
// The defaults of a new training run and, in one line, why they are the defaults (issue #23):
// shown by the training dialog and by `cryoscape train --help`, from RunConfig's own values.
#include <QString>

QString trainingDefaultsNote();
