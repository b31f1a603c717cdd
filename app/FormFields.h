#pragma once
// Small builders for the fields of the app's dialogs and panels.
#include <QLocale>
#include <QSpinBox>
#include <QString>

#include <cmath>

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

// A learning rate as rates are written on the command line and in papers: 1e-4, 2.5e-4.
inline QString learningRateText(double rate)
{
    const int exponent = int(std::floor(std::log10(rate)));
    return QString::number(rate / std::pow(10.0, exponent), 'g', 6) + QStringLiteral("e%1").arg(exponent);
}

// Accepts "1e-4" and "0.0001" whatever the locale, and the user's decimal comma.
inline double parseNumber(const QString& text, bool* ok)
{
    const QString t = text.trimmed();
    double value = QLocale::c().toDouble(t, ok);
    if (!*ok)
        value = QLocale().toDouble(t, ok);
    if (*ok && !std::isfinite(value))
        *ok = false;
    return value;
}
