#pragma once
// Builds the latent kNN graph of a run (cryo::LatentGraph; default options: the issue's
// cutoff for a mean of ≈ 5 kept edges, at most 10 neighbours) on a worker thread, once per
// set of options; drawn paths are then snapped to it on the GUI thread (Dijkstra is fast).
// Also labels its connected parts: anchors on different parts cannot be joined, and are then
// moved to the largest part.
#include "JobRunner.h"
#include "RunTables.h"
#include "analysis/LatentGraph.h"

#include <QObject>

#include <memory>
#include <optional>

class LatentGraphJob : public QObject {
    Q_OBJECT
public:
    // Connected parts of a graph (labels per particle), the largest one's label and size.
    struct Parts {
        std::vector<std::int32_t> of;   // connected part of each particle
        std::int32_t largest = 0;       // its label
        std::size_t largestSize = 0;
    };
    static Parts connectedParts(const cryo::LatentGraph& graph);

    explicit LatentGraphJob(std::shared_ptr<const RunTables> tables, QObject* parent = nullptr);
    ~LatentGraphJob() override;   // stops and joins a build in progress

    // Starts a build unless one with these options is running or done; a build with other
    // options in progress is followed by this one.
    void start(const cryo::LatentGraphOptions& options = {});
    bool isRunning() const { return m_running; }
    // Null until ready (and while a build with new options runs).
    std::shared_ptr<const cryo::LatentGraph> graph() const { return m_graph; }
    cryo::LatentGraphOptions options() const { return m_options; }
    std::size_t largestComponent() const { return m_largest; }   // particles in the largest connected part
    // Whether the particles all lie in one connected part (false before the graph is ready).
    bool connected(const std::vector<std::int64_t>& particles) const;
    bool inLargestComponent(std::int64_t particle) const;
    // The particle of the largest connected part nearest `particle` in z (itself when in it).
    std::int64_t nearestInLargest(std::int64_t particle) const;

Q_SIGNALS:
    void ready();
    void failed(const QString& message);

private:
    void launch();
    void finished(std::shared_ptr<const cryo::LatentGraph> graph, Parts parts);

    std::shared_ptr<const RunTables> m_tables;
    std::shared_ptr<const cryo::LatentGraph> m_graph;
    cryo::LatentGraphOptions m_options;                 // of m_graph, or of the build running
    std::optional<cryo::LatentGraphOptions> m_next;     // requested while another build ran
    std::size_t m_largest = 0;
    std::vector<std::int32_t> m_partOf;
    std::int32_t m_largestPart = 0;
    bool m_running = false;
    JobRunner* m_runner;
    std::shared_ptr<std::pair<std::shared_ptr<const cryo::LatentGraph>, Parts>> m_built;   // the ending job's result
};
