// The main window's part of the landscape analysis (the rest is LandscapeController):
// maps made in memory shown like decoded ones.
#include "MainWindow.h"

#include "ThresholdPanel.h"
#include "VolumeViewer.h"
#include "analysis/MapMeasures.h"

#include <QLabel>

#include <cmath>

void MainWindow::showMapKeepingView(const cryo::Volume& map, const QString& description)
{
    ++m_mapTag;   // a decode still on its way must not replace this map
    // The contour level in σ units carries over from the map shown before, as between decoded maps.
    const double sigma = m_decodedShown ? m_threshold->sigmaLevel() : std::nan("");
    m_volume = map;
    m_stats = cryo::computeStats(m_volume);
    m_level = std::isnan(sigma) ? cryo::defaultContourLevel(m_stats) : m_stats.mean + sigma * m_stats.rms;
    m_threshold->setMap(m_volume, m_stats, m_level);
    m_viewer->setVolume(m_volume, !m_decodedShown);
    m_viewer->setLevel(m_level);
    m_decodedShown = true;
    updateStatus();
    m_mapDescription = description;
    m_decodeText = description;
    m_mapLabel->setText(m_mapLabel->text() + QStringLiteral(" · ") + description);
}
