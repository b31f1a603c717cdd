#include "LandscapeDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace {
const cryo::Linkage kLinkages[] = {cryo::Linkage::Ward, cryo::Linkage::Average, cryo::Linkage::Complete};
}

LandscapeDialog::LandscapeDialog(std::size_t particles, QWidget* parent) : QDialog(parent), m_particles(particles)
{
    setWindowTitle(tr("Landscape Analysis"));
    auto* form = new QFormLayout;
    m_sketch = new QSpinBox(this);
    m_sketch->setRange(2, 5000);
    m_sketch->setToolTip(tr("How many volumes to decode: the k-means centres of z that sketch the latent space. "
                            "Scaled down for small datasets to max(particles / 10, 2 × clusters). Decoding is "
                            "most of the time."));
    form->addRow(tr("Sketch volumes (k):"), m_sketch);
    m_clusters = new QSpinBox(this);
    m_clusters->setRange(1, int(std::clamp<std::size_t>(particles, 1, 1000)));
    m_clusters->setToolTip(tr("Number of clusters (M) the sketch volumes are grouped into by agglomerative "
                              "clustering of their masked voxels."));
    form->addRow(tr("Clusters (M):"), m_clusters);
    m_linkage = new QComboBox(this);
    m_linkage->addItems({tr("Ward"), tr("Average"), tr("Complete")});
    m_linkage->setToolTip(tr("How the distance between two groups of volumes is measured (Euclidean distances "
                             "of masked voxels). Ward keeps clusters compact and rarely isolates one odd "
                             "volume; average and complete follow cryoDRGN's options."));
    form->addRow(tr("Linkage:"), m_linkage);
    buildMaskRows(form);
    m_components = new QSpinBox(this);
    m_components->setRange(1, 50);
    m_components->setToolTip(tr("Principal components of the masked volumes to keep (volume PCs). The panel shows "
                                "PC 1–3; every particle gets coordinates on all of them."));
    form->addRow(tr("Volume PCs:"), m_components);
    m_fullMaps = new QCheckBox(tr("Full-size maps"), this);
    m_fullMaps->setToolTip(tr("Off: decode preview maps (half the box, twice the voxel size), about 8× faster and "
                              "enough to tell states apart. On: full-size maps, sharper cluster means."));
    form->addRow(tr("Decoding:"), m_fullMaps);

    m_estimate = new QLabel(this);
    m_estimate->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c03030"));
    m_error->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LandscapeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LandscapeDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_estimate);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    for (QSpinBox* spin : {m_sketch, m_clusters})
        connect(spin, &QSpinBox::valueChanged, this, &LandscapeDialog::updateEstimate);
    connect(m_fullMaps, &QCheckBox::toggled, this, &LandscapeDialog::updateEstimate);
    cryo::LandscapeOptions defaults;
    defaults.clusters = std::min<int>(defaults.clusters, m_clusters->maximum());
    setOptions(defaults, false);
}

void LandscapeDialog::buildMaskRows(QFormLayout* form)
{
    m_automaticMask = new QRadioButton(tr("Automatic, grown by"), this);
    m_automaticMask->setToolTip(tr("Voxels above half of some sketch volume's maximum (union over the volumes), "
                                   "grown by this distance so that clustering sees more than the densest cores."));
    m_dilation = new QDoubleSpinBox(this);
    m_dilation->setRange(0, 200);
    m_dilation->setSuffix(tr(" Å"));
    m_dilation->setToolTip(m_automaticMask->toolTip());
    auto* automatic = new QHBoxLayout;
    automatic->addWidget(m_automaticMask);
    automatic->addWidget(m_dilation, 1);
    form->addRow(tr("Mask:"), automatic);
    m_fileMask = new QRadioButton(tr("File"), this);
    m_fileMask->setToolTip(tr("Your own mask (.mrc): voxels above 0.5 are in. It must have the size of the decoded "
                              "maps: the box, or half of it for preview maps."));
    m_maskFile = new QLineEdit(this);
    m_maskFile->setToolTip(m_fileMask->toolTip());
    m_browse = new QPushButton(tr("Browse…"), this);
    auto* file = new QHBoxLayout;
    file->addWidget(m_fileMask);
    file->addWidget(m_maskFile, 1);
    file->addWidget(m_browse);
    form->addRow(QString(), file);
    connect(m_browse, &QPushButton::clicked, this, &LandscapeDialog::chooseMaskFile);
    connect(m_maskFile, &QLineEdit::textEdited, this, [this] { m_fileMask->setChecked(true); });
}

void LandscapeDialog::chooseMaskFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Mask"), QFileInfo(m_maskFile->text()).absolutePath(),
                                                      tr("MRC maps (*.mrc *.map)"));
    if (path.isEmpty())
        return;
    m_maskFile->setText(path);
    m_fileMask->setChecked(true);
}

cryo::LandscapeOptions LandscapeDialog::options() const
{
    cryo::LandscapeOptions o;
    o.sketch = m_sketch->value();
    o.clusters = m_clusters->value();
    o.linkage = kLinkages[std::clamp(m_linkage->currentIndex(), 0, 2)];
    o.maskDilationAngstrom = m_dilation->value();
    if (m_fileMask->isChecked())
        o.maskFile = m_maskFile->text().trimmed().toStdString();
    o.components = m_components->value();
    return o;
}

bool LandscapeDialog::fullMaps() const { return m_fullMaps->isChecked(); }

void LandscapeDialog::setOptions(const cryo::LandscapeOptions& o, bool fullMaps)
{
    m_sketch->setValue(o.sketch);
    m_clusters->setValue(o.clusters);
    m_linkage->setCurrentIndex(int(std::find(std::begin(kLinkages), std::end(kLinkages), o.linkage) - std::begin(kLinkages)));
    m_dilation->setValue(o.maskDilationAngstrom);
    m_maskFile->setText(QString::fromStdString(o.maskFile.string()));
    (o.maskFile.empty() ? m_automaticMask : m_fileMask)->setChecked(true);
    m_components->setValue(o.components);
    m_fullMaps->setChecked(fullMaps);
    updateEstimate();
}

QString LandscapeDialog::validationError() const
{
    if (std::size_t(m_clusters->value()) > m_particles)
        return tr("%1 clusters for %2 particles").arg(m_clusters->value()).arg(m_particles);
    if (m_fileMask->isChecked()) {
        const QString path = m_maskFile->text().trimmed();
        if (path.isEmpty())
            return tr("Choose a mask file, or use the automatic mask.");
        if (!QFileInfo(path).isFile())
            return tr("%1: no such file").arg(path);
    }
    return {};
}

QString LandscapeDialog::estimateText() const { return m_estimate->text(); }

void LandscapeDialog::updateEstimate()
{
    const int k = cryo::LandscapeAnalysis(options()).sketchSize(m_particles);
    m_estimate->setText(tr("%1 particles: %2 %3 maps will be decoded, then grouped into %4 clusters.")
                            .arg(m_particles)
                            .arg(k)
                            .arg(fullMaps() ? tr("full-size") : tr("preview"))
                            .arg(m_clusters->value()));
}

void LandscapeDialog::accept()
{
    const QString problem = validationError();
    m_error->setText(problem);
    if (problem.isEmpty())
        QDialog::accept();
}
