#include "ProgressValue.h"

namespace progressvalue {

void setLater(QProgressBar* bar, int value)
{
    if (bar->value() == value)
        return;
    const bool enabled = bar->updatesEnabled();
    bar->setUpdatesEnabled(false);   // QWidget::repaint() returns at once while updates are off
    bar->setValue(value);
    bar->setUpdatesEnabled(enabled);   // turning them back on schedules an update()
}

} // namespace progressvalue
