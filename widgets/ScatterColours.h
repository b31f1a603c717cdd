#pragma once
// Colour maps of the scatter view: viridis for continuous values and densities (perceptually
// uniform, readable in greyscale and by colour-blind viewers), a categorical palette for
// labels, and the palette of named selections.
#include <QColor>
#include <QRgb>

namespace scattercolours {

QRgb viridis(double t);          // t in [0, 1], clamped
QRgb category(int label);        // label < 0: grey; else a 20-colour cycle (tab10 + tints)
QColor selectionHighlight();     // the current selection
QColor namedSelection(int index);  // colour for the index-th named selection
QRgb missingValue();             // NaN values

} // namespace scattercolours
