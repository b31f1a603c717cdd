#include "ParticlesDialog.h"

#include "ParticleMontage.h"
#include "particles/DatasetSummary.h"
#include "particles/ParticleDataset.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace {

// "#12 · 1.52 / 1.48 µm": the particle's 1-based number and its defocus U / V.
QString caption(const cryo::ParticleDataset& dataset, int index)
{
    const cryo::ParticleRecord& p = dataset.particles()[std::size_t(index)];
    if (!dataset.hasCtf())
        return QStringLiteral("#%1").arg(index + 1);
    return QStringLiteral("#%1 · %2 / %3 µm")
        .arg(index + 1)
        .arg(p.ctf.defocusU / 1e4, 0, 'f', 2)
        .arg(p.ctf.defocusV / 1e4, 0, 'f', 2);
}

} // namespace

ParticlesDialog::ParticlesDialog(std::shared_ptr<cryo::ParticleDataset> dataset, QWidget* parent)
    : QDialog(parent), m_dataset(std::move(dataset))
{
    setWindowTitle(tr("Particles — %1").arg(QFileInfo(QString::fromStdString(m_dataset->sourcePath().string())).fileName()));
    auto* summary = new QPlainTextEdit(this);
    summary->setReadOnly(true);
    summary->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    summary->setPlainText(QString::fromStdString(cryo::describeDataset(*m_dataset, false)));

    m_montage = new ParticleMontage(this);
    if (m_dataset->imagesAvailable()) {
        ParticleMontage::ImageSource source;
        source.count = int(m_dataset->size());
        source.box = m_dataset->boxSize();
        const std::shared_ptr<cryo::ParticleDataset> data = m_dataset;
        source.read = [data](int first, int n, float* out) { data->readImages(std::size_t(first), std::size_t(n), out); };
        source.caption = [data](int index) { return caption(*data, index); };
        m_montage->setSource(std::move(source));
    }
    connect(m_montage, &ParticleMontage::readFailed, this, [this](const QString& message) {
        QMessageBox::warning(this, tr("Cannot read particle images"), message);
    });

    auto* splitter = new QSplitter(this);
    splitter->addWidget(summary);
    splitter->addWidget(m_montage);
    splitter->setSizes({400, 900});
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    if (!m_dataset->imagesAvailable())
        layout->addWidget(new QLabel(tr("The images cannot be shown: some stacks are missing (see Problems)."), this));
    layout->addWidget(buttons);
    resize(1300, 760);
}
