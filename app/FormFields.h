#pragma once
// Small builders for the fields of the app's dialogs and panels.
#include <QSpinBox>
#include <QString>

// A spin box over [low, high] showing `value`, with a tooltip when one is given.
inline QSpinBox* makeSpinBox(QWidget* parent, int low, int high, int value, const QString& tip = {})
{
    auto* spin = new QSpinBox(parent);
    spin->setRange(low, high);
    spin->setValue(value);
    if (!tip.isEmpty())
        spin->setToolTip(tip);
    return spin;
}
