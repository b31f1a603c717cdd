#include "AbInitioSettings.h"

#include "FormFields.h"
#include "train/AbInitioState.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Rotations of the base grid at resolution r (So3Grid: 72 · 8^r, spacing 60° / 2^r).
QString gridText(int resolution)
{
    const long long rotations = 72LL << (3 * resolution);
    return AbInitioSettings::tr("%1 orientations, %2° apart")
        .arg(QLocale().toString(rotations))
        .arg(60.0 / double(1 << resolution), 0, 'g', 3);
}

} // namespace

AbInitioSettings::AbInitioSettings(QWidget* parent) : QGroupBox(tr("Poses"), parent)
{
    m_fromFile = new QRadioButton(tr("From the particle file"), this);
    m_fromFile->setToolTip(tr("Use the particle orientations and shifts that RELION or cryoSPARC refined (a "
                              "consensus refinement). Fastest, and the usual choice."));
    m_search = new QRadioButton(tr("Search ab initio (cryoDRGN2)"), this);
    m_search->setToolTip(tr("Use when you have no consensus poses, or do not trust them: the model finds each "
                            "particle's orientation and shift itself, by searching every few epochs. Any poses "
                            "in the particle file are ignored. Slow: on a CPU the search handles only a few images per "
                            "second (at box 64 on 2 cores about 13 images/s for a homogeneous model, 4 with a "
                            "latent space), many times slower than a training epoch; a GPU helps a lot. "
                            "Particles with a large domain motion are placed poorly (simulated hinge of 80°: "
                            "median error 13°, against under 5° for one conformation): for them, train on "
                            "consensus poses where you can."));
    m_fromFile->setChecked(true);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #b9770e;"));
    m_note->hide();
    buildFields();

    auto* choice = new QHBoxLayout;
    choice->addWidget(m_fromFile);
    choice->addWidget(m_search);
    choice->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choice);
    layout->addWidget(m_note);
    layout->addWidget(m_fields);

    const std::pair<QWidget*, const char*> names[] = {
        {m_fromFile, "posesFromFile"}, {m_search, "posesAbInitio"},   {m_searchEvery, "searchEvery"},
        {m_resetAuto, "resetAuto"},    {m_resetAfter, "resetAfter"},  {m_advanced, "abInitioAdvanced"},
        {m_baseResolution, "baseResolution"}, {m_searchChunk, "searchChunk"}, {m_latentVolumes, "latentVolumes"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QString::fromLatin1(name));
    connect(m_search, &QRadioButton::toggled, this, [this] {
        m_forced = false;
        updateEnabled();
        Q_EMIT changed();
    });
    updateEnabled();
}

void AbInitioSettings::buildFields()
{
    m_fields = new QWidget(this);
    const cryo::AbInitioOptions defaults;
    m_searchEvery = makeSpinBox(m_fields, 1, 1000, defaults.searchEvery,
                                tr("How often the poses are searched again with the improving model. The epochs "
                                   "in between train on the latest poses and are much faster, but they also fit "
                                   "the model to early, wrong poses. 1 (every epoch) gives the best poses; "
                                   "larger values save time on large datasets."));
    m_resetAuto = new QCheckBox(tr("automatic"), m_fields);
    m_resetAuto->setChecked(defaults.resetAfterEpoch < 0);
    m_resetAfter = new QSpinBox(m_fields);
    m_resetAfter->setRange(0, 100000);
    m_resetAfter->setValue(0);
    m_resetAfter->setSpecialValueText(tr("never"));
    const QString resetTip = tr("After this epoch the model restarts from random weights but keeps the poses found "
                                "so far, which escapes a poor start. Automatic: halfway through runs of 10 epochs "
                                "or more, never in shorter ones.");
    m_resetAuto->setToolTip(resetTip);
    m_resetAfter->setToolTip(resetTip);
    connect(m_resetAuto, &QCheckBox::toggled, this, &AbInitioSettings::updateEnabled);
    m_advanced = new QToolButton(m_fields);
    m_advanced->setText(tr("Advanced"));
    m_advanced->setCheckable(true);
    m_advanced->setToolTip(tr("Show the settings of the search itself."));
    m_baseResolution = makeSpinBox(m_fields, 0, 4, defaults.baseResolution,
                                   tr("How finely the first, global step of the search samples orientations; "
                                      "each step up tries 8 times as many (and takes about 8 times longer) but "
                                      "misses fewer poses. 2 suits most data."));
    auto* gridNote = new QLabel(gridText(m_baseResolution->value()), m_fields);
    connect(m_baseResolution, &QSpinBox::valueChanged, gridNote, [gridNote](int r) { gridNote->setText(gridText(r)); });
    m_searchChunk = makeSpinBox(m_fields, 1, 1000000, defaults.searchChunk,
                                tr("In a searching epoch the model trains on every chunk of this many images "
                                   "right after searching it, so later chunks are searched with a better model. "
                                   "Smaller: more model updates per pass (and a decoder pass per chunk to pay "
                                   "for them)."));
    m_latentVolumes = makeSpinBox(m_fields, 1, 1000000, defaults.latentVolumes,
                                  tr("Models with a latent space: each chunk's images are searched with this many "
                                     "volumes, decoded at the k-means centres of their latent coordinates. More: "
                                     "each image meets a volume closer to its own, and the search is slower."));

    auto* resetRow = new QHBoxLayout;
    resetRow->addWidget(m_resetAfter);
    resetRow->addWidget(m_resetAuto);
    resetRow->addStretch(1);
    auto* gridRow = new QHBoxLayout;
    gridRow->addWidget(m_baseResolution);
    gridRow->addWidget(gridNote, 1);
    auto* chunkRow = new QHBoxLayout;
    chunkRow->addWidget(m_searchChunk);
    chunkRow->addWidget(new QLabel(tr("images"), m_fields));
    chunkRow->addStretch(1);
    auto* volumesRow = new QHBoxLayout;
    volumesRow->addWidget(m_latentVolumes);
    volumesRow->addStretch(1);

    auto* form = new QFormLayout(m_fields);
    form->setContentsMargins(0, 0, 0, 0);
    auto* everyRow = new QHBoxLayout;
    everyRow->addWidget(m_searchEvery);
    everyRow->addWidget(new QLabel(tr("epochs"), m_fields));
    everyRow->addStretch(1);
    everyRow->addWidget(m_advanced);
    form->addRow(tr("Search every:"), everyRow);
    form->addRow(tr("Reset the model after epoch:"), resetRow);
    const int firstAdvanced = form->rowCount();
    form->addRow(tr("Base grid resolution:"), gridRow);
    form->addRow(tr("Model update every:"), chunkRow);
    form->addRow(tr("Volumes per chunk:"), volumesRow);
    const auto showAdvanced = [form, firstAdvanced](bool shown) {
        for (int row = firstAdvanced; row < form->rowCount(); ++row)
            form->setRowVisible(row, shown);
    };
    showAdvanced(false);
    connect(m_advanced, &QToolButton::toggled, this, showAdvanced);
}

void AbInitioSettings::setParticlePoses(std::optional<bool> hasPoses)
{
    const bool none = hasPoses.has_value() && !*hasPoses;
    m_fromFile->setEnabled(!none);
    m_note->setVisible(none);
    m_note->setText(none ? tr("The particle file has no poses: they will be searched ab initio.") : QString());
    if (none && !m_search->isChecked()) {
        m_search->setChecked(true);
        m_forced = true;   // after the toggled handler, which clears it
    } else if (!none && m_forced) {
        m_fromFile->setChecked(true);   // the user did not choose ab initio: back to the file's poses
    }
}

bool AbInitioSettings::abInitio() const { return m_search->isChecked(); }

void AbInitioSettings::setAbInitio(bool abInitio)
{
    (abInitio ? m_search : m_fromFile)->setChecked(true);
}

cryo::AbInitioOptions AbInitioSettings::options() const
{
    cryo::AbInitioOptions o = m_hidden;
    o.searchEvery = m_searchEvery->value();
    o.resetAfterEpoch = m_resetAuto->isChecked() ? -1 : m_resetAfter->value();
    o.baseResolution = m_baseResolution->value();
    o.searchChunk = m_searchChunk->value();
    o.latentVolumes = m_latentVolumes->value();
    return o;
}

void AbInitioSettings::setOptions(const cryo::AbInitioOptions& options)
{
    m_hidden = options;
    m_searchEvery->setValue(options.searchEvery);
    m_resetAuto->setChecked(options.resetAfterEpoch < 0);
    if (options.resetAfterEpoch >= 0)
        m_resetAfter->setValue(options.resetAfterEpoch);
    m_baseResolution->setValue(options.baseResolution);
    m_searchChunk->setValue(options.searchChunk);
    m_latentVolumes->setValue(options.latentVolumes);
}

QString AbInitioSettings::noteText() const { return m_note->text(); }

void AbInitioSettings::setEpochs(int epochs)
{
    m_epochs = epochs;
    updateEnabled();
}

void AbInitioSettings::setHeterogeneous(bool heterogeneous)
{
    m_heterogeneous = heterogeneous;
    updateEnabled();
}

void AbInitioSettings::updateEnabled()
{
    m_fields->setEnabled(m_search->isChecked());
    m_latentVolumes->setEnabled(m_heterogeneous);
    const bool automatic = m_resetAuto->isChecked();
    m_resetAfter->setEnabled(!automatic);
    if (automatic) {
        cryo::AbInitioOptions options;
        options.resetAfterEpoch = -1;
        m_resetAfter->setValue(cryo::resolvedResetEpoch(options, m_epochs));
    }
}
