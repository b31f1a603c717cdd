#pragma once
// A gallery of the k-means representative maps: the map at each cluster's on-data centre
// (the particle nearest the centre), decoded one after the other in the background with
// its own MapDecoder, shown as thumbnails (projection of the map along z, like a 2D class
// average). Clicking a thumbnail asks for that map in the viewer; "Select Cluster" makes
// the clicked cluster the selection.
#include <QWidget>

#include <memory>
#include <vector>

class MapDecoder;
class QListWidget;
class QPushButton;
struct RunTables;
namespace cryo {
struct Volume;
}

class ClusterGallery : public QWidget {
    Q_OBJECT
public:
    explicit ClusterGallery(std::shared_ptr<const RunTables> tables, QWidget* parent = nullptr);

    int thumbnailCount() const;   // maps decoded so far
    int currentCluster() const;   // the clicked one, -1 if none
    // Sum of the map along z, scaled to 0..255 grey, size × size pixels.
    static QImage projectionImage(const cryo::Volume& map, int size);

    QSize sizeHint() const override { return {640, 150}; }   // one row of thumbnails

Q_SIGNALS:
    void mapRequested(const std::vector<float>& z, const QString& description, qint64 particle);
    void clusterSelectRequested(int cluster);
    void allDecoded();

private:
    void decodeNext();

    std::shared_ptr<const RunTables> m_tables;
    MapDecoder* m_decoder;
    QListWidget* m_list;
    QPushButton* m_select;
    int m_next = 0;   // the next cluster to decode
};
