#pragma once
// Builds the latent kNN graph of a run (cryo::LatentGraph, default options: the issue's
// cutoff for mean degree ≈ 5, at most 10 neighbours) on a worker thread, once; drawn paths
// are then snapped to it on the GUI thread (Dijkstra is fast).
#include "RunTables.h"

#include <QObject>

#include <memory>
#include <thread>

namespace cryo {
class LatentGraph;
}

class LatentGraphJob : public QObject {
    Q_OBJECT
public:
    explicit LatentGraphJob(std::shared_ptr<const RunTables> tables, QObject* parent = nullptr);
    ~LatentGraphJob() override;   // stops and joins a build in progress

    // Starts the build unless it is running or done.
    void start();
    bool isRunning() const { return m_running; }
    // Null until ready.
    std::shared_ptr<const cryo::LatentGraph> graph() const { return m_graph; }

Q_SIGNALS:
    void ready();
    void failed(const QString& message);

private:
    std::shared_ptr<const RunTables> m_tables;
    std::shared_ptr<const cryo::LatentGraph> m_graph;
    bool m_running = false;
    std::jthread m_thread;
};
