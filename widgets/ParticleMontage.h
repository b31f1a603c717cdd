#pragma once
// A paged grid of particle images with a caption under each (index, defocus, ...).
// Images are read on demand, one page at a time, through ImageSource, so a stack of any
// size can be browsed.
#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QPushButton;

class ParticleMontage : public QWidget {
    Q_OBJECT
public:
    struct ImageSource {
        int count = 0;   // number of images
        int box = 0;     // each image is box x box float32, [y][x]
        // Reads images first..first+n-1 into out (n * box * box values); may throw.
        std::function<void(int first, int n, float* out)> read;
        std::function<QString(int index)> caption;
    };

    explicit ParticleMontage(QWidget* parent = nullptr);

    void setSource(ImageSource source);
    void setGrid(int columns, int rows);
    int imagesPerPage() const { return m_columns * m_rows; }
    int page() const { return m_page; }
    int pageCount() const;
    void setPage(int page);

Q_SIGNALS:
    // Reading a page failed (bad file, NaN pixels, ...): the message names the problem.
    void readFailed(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void loadPage();
    static QImage toGrayImage(const float* pixels, int box);

    ImageSource m_source;
    int m_columns = 6, m_rows = 4, m_page = 0;
    std::vector<QImage> m_images;
    QStringList m_captions;
    QPushButton* m_previous;
    QPushButton* m_next;
    QLabel* m_pageLabel;
};
