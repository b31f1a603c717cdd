#pragma once
// File → Export Movie…: what to render (a 360° turn of the shown map, the k-means cluster
// maps, or a trajectory handed in by another panel) and how (file, size, frame rate,
// frames of a turn, background, level mode, half-size maps). The format follows the file
// extension (.mp4 or .gif).
#include <QColor>
#include <QDialog>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

struct MovieExportChoices {
    int source = 0;                 // index into the dialog's source list
    QString path;
    int width = 800, height = 600;  // even (MP4's yuv420p)
    double fps = 24.0;
    int frames = 60;                // frames of a turn
    QColor background;              // invalid: as in the viewer
    bool constantVolume = false;    // per-frame level keeping the enclosed volume
    bool preview = false;           // half-size decoded maps
};

class MovieExportDialog : public QDialog {
    Q_OBJECT
public:
    // sources: one line each, e.g. "360° turn of the shown map"; turnSource: the index of
    // the turn (its frame count is only asked for then), -1 if none.
    MovieExportDialog(const QStringList& sources, int turnSource, const QColor& viewerBackground,
                      QWidget* parent = nullptr);

    MovieExportChoices choices() const;
    void setPath(const QString& path);

private:
    void browse();
    void updateEnabled();

    int m_turnSource;
    QColor m_viewerBackground;
    QComboBox* m_source;
    QLineEdit* m_path;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QDoubleSpinBox* m_fps;
    QSpinBox* m_frames;
    QComboBox* m_background;
    QComboBox* m_level;
    QCheckBox* m_preview;
};
