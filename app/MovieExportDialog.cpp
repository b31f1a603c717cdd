#include "MovieExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

MovieExportDialog::MovieExportDialog(const QStringList& sources, int turnSource, const QColor& viewerBackground,
                                     QWidget* parent)
    : QDialog(parent), m_turnSource(turnSource), m_viewerBackground(viewerBackground)
{
    setWindowTitle(tr("Export Movie"));
    auto* form = new QFormLayout(this);
    m_source = new QComboBox(this);
    m_source->addItems(sources);
    form->addRow(tr("Frames of:"), m_source);

    auto* pathRow = new QHBoxLayout;
    const QString dir = QSettings().value(QStringLiteral("lastDirectory"), QDir::homePath()).toString();
    m_path = new QLineEdit(QDir(dir).filePath(QStringLiteral("movie.mp4")), this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);
    form->addRow(tr("File (.mp4 or .gif):"), pathRow);
    connect(browse, &QPushButton::clicked, this, &MovieExportDialog::browse);

    auto* sizeRow = new QHBoxLayout;
    m_width = new QSpinBox(this);
    m_height = new QSpinBox(this);
    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(16, 4096);
        box->setSingleStep(2);
        sizeRow->addWidget(box);
    }
    m_width->setValue(800);
    m_height->setValue(600);
    form->addRow(tr("Size (pixels):"), sizeRow);

    m_fps = new QDoubleSpinBox(this);
    m_fps->setRange(1, 120);
    m_fps->setValue(24);
    form->addRow(tr("Frames per second:"), m_fps);
    m_frames = new QSpinBox(this);
    m_frames->setRange(2, 3600);
    m_frames->setValue(60);
    form->addRow(tr("Frames of the turn:"), m_frames);

    m_background = new QComboBox(this);
    m_background->addItems({tr("As in the viewer"), tr("White"), tr("Black")});
    form->addRow(tr("Background:"), m_background);
    m_level = new QComboBox(this);
    m_level->addItems({tr("Fixed (the viewer's level)"), tr("Constant enclosed volume")});
    m_level->setToolTip(tr("Constant enclosed volume: every frame gets the level that encloses as many voxels as "
                           "the first frame, so maps that change in scale keep their size."));
    form->addRow(tr("Level:"), m_level);
    m_preview = new QCheckBox(tr("Half-size maps (faster decoding)"), this);
    form->addRow(QString(), m_preview);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Render"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    connect(m_source, &QComboBox::currentIndexChanged, this, &MovieExportDialog::updateEnabled);
    updateEnabled();
}

void MovieExportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Movie"), m_path->text(),
                                                      tr("MP4 video (*.mp4);;Animated GIF (*.gif)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void MovieExportDialog::updateEnabled()
{
    const bool turn = m_source->currentIndex() == m_turnSource;
    m_frames->setEnabled(turn);
    m_preview->setEnabled(!turn);
}

void MovieExportDialog::setPath(const QString& path) { m_path->setText(path); }

MovieExportChoices MovieExportDialog::choices() const
{
    MovieExportChoices c;
    c.source = m_source->currentIndex();
    c.path = m_path->text().trimmed();
    c.width = m_width->value() & ~1;
    c.height = m_height->value() & ~1;
    c.fps = m_fps->value();
    c.frames = m_frames->value();
    const int background = m_background->currentIndex();
    c.background = background == 1 ? QColor(Qt::white) : background == 2 ? QColor(Qt::black) : m_viewerBackground;
    c.constantVolume = m_level->currentIndex() == 1;
    c.preview = m_preview->isChecked();
    return c;
}
