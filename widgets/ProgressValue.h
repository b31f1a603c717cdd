#pragma once
// Setting a progress bar's value without painting it at once.
#include <QProgressBar>

namespace progressvalue {

// QProgressBar::setValue repaints synchronously when the shown text or bar changes. In a window
// that holds the OpenGL map view, that repaint flushes the whole window (~25 ms of GUI-thread
// CPU with Mesa's llvmpipe at 1600 × 1000), so a stream of progress reports (opening a run,
// UMAP, training) would hold the event loop. This only marks the bar for the next frame.
void setLater(QProgressBar* bar, int value);

} // namespace progressvalue
