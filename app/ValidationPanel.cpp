#include "ValidationPanel.h"

#include "FscPlot.h"
#include "ProgressValue.h"
#include "VolumeViewer.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

const QColor kHalfMapColour(40, 110, 200);
const QColor kDecoderColour(230, 130, 30);
const QColor kExcessColour(220, 40, 40);
const QColor kCeilingColour(150, 150, 150);

// What a perfect map would reach against the backprojection of all particles, √(2F/(1 + F)) from
// the half-map FSC F: the full map has twice a half map's signal-to-noise ratio.
cryo::FscCurve perfectMapFsc(const cryo::FscCurve& halfMaps)
{
    cryo::FscCurve ceiling = halfMaps;
    for (double& f : ceiling.values)
        f = std::sqrt(2 * std::max(0.0, f) / (1 + std::max(0.0, f)));
    return ceiling;
}

QString resolutionText(const cryo::FscResolution& r)
{
    return r.reached ? ValidationPanel::tr("%1 Å").arg(r.angstrom(), 0, 'f', 1)
                     : ValidationPanel::tr("beyond Nyquist (%1 Å)").arg(r.angstrom(), 0, 'f', 1);
}

// The level mean + sigmas · σ of a map.
double levelOf(const cryo::Volume& map, double sigmas)
{
    const cryo::VolumeStats stats = cryo::computeStats(map);
    return stats.mean + sigmas * stats.rms;
}

} // namespace

ValidationPanel::ValidationPanel(QWidget* parent)
    : QWidget(parent), m_decoder(new VolumeViewer(this)), m_backprojection(new VolumeViewer(this)),
      m_decoderTitle(new QLabel(tr("Decoder"), this)), m_backprojectionTitle(new QLabel(tr("Backprojection"), this)),
      m_decoderLevel(new QDoubleSpinBox(this)), m_backprojectionLevel(new QDoubleSpinBox(this)),
      m_excessBox(new QCheckBox(tr("Mark density the particles do not support (decoder above the backprojection "
                                   "by ≥ 3 σ of its noise)"), this)),
      m_excessText(new QLabel(this)), m_fsc(new FscPlot(this)), m_summary(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_progressText(new QLabel(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto* layout = new QVBoxLayout(this);
    auto* viewers = new QHBoxLayout;
    viewers->addWidget(makeViewerColumn(m_decoder, m_decoderTitle, m_decoderLevel), 1);
    viewers->addWidget(makeViewerColumn(m_backprojection, m_backprojectionTitle, m_backprojectionLevel), 1);
    layout->addLayout(viewers, 3);
    m_decoder->shareCamera(m_backprojection);
    m_excessBox->setChecked(true);
    m_excessBox->setToolTip(tr("Red: where the decoder's map, filtered like the backprojection, exceeds the "
                               "backprojection of the same particles by 3 or more standard deviations of the "
                               "backprojection's noise (measured between its half maps). Such density is not "
                               "in the particles: the network may have made it up."));
    layout->addWidget(m_excessBox);
    layout->addWidget(m_excessText);
    layout->addWidget(m_fsc, 2);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressText, 2);
    progressRow->addWidget(m_cancel);
    layout->addLayout(progressRow);
    m_progress->setRange(0, 1000);
    for (QWidget* w : {static_cast<QWidget*>(m_progress), static_cast<QWidget*>(m_progressText),
                       static_cast<QWidget*>(m_cancel)})
        w->hide();
    m_summary->setText(tr("Select particles in the latent space, then Analysis → Backproject Selection."));
    connect(m_cancel, &QPushButton::clicked, this, &ValidationPanel::cancelRequested);
    connect(m_excessBox, &QCheckBox::toggled, this, &ValidationPanel::applyExcess);
}

QWidget* ValidationPanel::makeViewerColumn(VolumeViewer* viewer, QLabel* title, QDoubleSpinBox* level)
{
    auto* column = new QWidget(this);
    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    title->setWordWrap(true);
    layout->addWidget(title);
    viewer->setMinimumSize(240, 240);
    layout->addWidget(viewer, 1);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Level"), column));
    level->setRange(-5, 20);
    level->setSingleStep(0.25);
    level->setDecimals(2);
    level->setValue(2.0);
    level->setSuffix(tr(" σ"));
    level->setToolTip(tr("Contour level in standard deviations above the map's mean (each map has its own: "
                         "their density units differ)"));
    row->addWidget(level);
    row->addStretch(1);
    layout->addLayout(row);
    connect(level, &QDoubleSpinBox::valueChanged, this, &ValidationPanel::applyLevels);
    return column;
}

void ValidationPanel::showProgress(double fraction, const QString& text)
{
    progressvalue::setLater(m_progress, int(std::lround(1000 * std::clamp(fraction, 0.0, 1.0))));
    m_progressText->setText(text);
    for (QWidget* w : {static_cast<QWidget*>(m_progress), static_cast<QWidget*>(m_progressText),
                       static_cast<QWidget*>(m_cancel)})
        w->show();
}

void ValidationPanel::showResult(std::shared_ptr<const ValidationResult> result, const QString& selection)
{
    m_result = std::move(result);
    m_progress->hide();
    m_cancel->hide();
    m_progressText->hide();
    const ValidationResult& r = *m_result;
    const cryo::BackprojectionResult& bp = r.backprojection;
    m_decoderTitle->setText(tr("Decoder: the map at the mean z of %1").arg(selection));
    const QString poses = r.runPoses ? tr("poses the run found") : tr("poses of the particle file");
    m_backprojectionTitle->setText(
        bp.resolution0143.reached
            ? tr("Backprojection of the same %L1 particles (%2), filtered at %3 Å")
                  .arg(bp.particles)
                  .arg(poses)
                  .arg(bp.resolution0143.angstrom(), 0, 'f', 1)
            : tr("Backprojection of the same %L1 particles (%2), not filtered: the half maps agree up to Nyquist")
                  .arg(bp.particles)
                  .arg(poses));
    m_decoder->setVolume(r.decoded, true);
    m_backprojection->setVolume(bp.filteredMap, true);
    applyLevels();
    applyExcess();
    m_fsc->setCurves({{tr("half maps"), kHalfMapColour, bp.halfMapFsc},
                      {tr("decoder vs backprojection"), kDecoderColour, r.agreement.fsc},
                      {tr("a perfect map vs backprojection"), kCeilingColour, perfectMapFsc(bp.halfMapFsc)}});
    m_summary->setText(summaryText());
}

void ValidationPanel::showFailure(const QString& message)
{
    m_progress->hide();
    m_cancel->hide();
    m_progressText->show();
    m_progressText->setText(tr("Backprojection stopped: %1").arg(message));
}

void ValidationPanel::applyLevels()
{
    if (!m_result)
        return;
    m_decoder->setLevel(levelOf(m_result->decoded, m_decoderLevel->value()));
    m_backprojection->setLevel(levelOf(m_result->backprojection.filteredMap, m_backprojectionLevel->value()));
}

void ValidationPanel::applyExcess()
{
    if (!m_result)
        return;
    const cryo::MapAgreement& a = m_result->agreement;
    if (m_excessBox->isChecked())
        m_decoder->setOverlay(a.excess, kExcessLevel, kExcessColour);
    else
        m_decoder->clearOverlay();
    m_excessText->setText(a.flaggedVoxels == 0
                              ? tr("No density of the decoder's map lacks support in the particles at 3 σ.")
                              : tr("%L1 voxels (%L2 nm³) of the decoder's map lack support in the particles at 3 σ.")
                                    .arg(a.flaggedVoxels)
                                    .arg(a.flaggedVolume / 1000.0, 0, 'f', 1));
}

QString ValidationPanel::summaryText() const
{
    if (!m_result)
        return {};
    const cryo::BackprojectionResult& bp = m_result->backprojection;
    return tr("%L1 particles (halves of %L2 and %L3). Half-map FSC 0.143: %4; 0.5: %5. Decoder vs "
              "backprojection FSC 0.5: %6. Mask: a sphere of %7 Å.")
        .arg(bp.particles)
        .arg(bp.halfACount)
        .arg(bp.halfBCount)
        .arg(resolutionText(bp.resolution0143), resolutionText(bp.resolution05),
             resolutionText(m_result->agreement.resolution05))
        .arg(bp.maskRadius, 0, 'f', 0);
}
