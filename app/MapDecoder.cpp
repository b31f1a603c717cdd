#include "MapDecoder.h"

#include "model/VolumeGenerator.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace {

// The first preview a click shows costs at most this many multiply-adds: what the preview of
// our default decoder (256 × 3) at D = 64 costs (the half sphere of box 32: ~8,600 points ×
// ~250,000), a few hundredths of a second on one core. Larger decoders show a coarser map first.
constexpr double kFirstPreviewMultiplyAdds = 2.5e9;

struct Request {
    std::optional<QString> openRun;   // set: load this run first
    std::vector<float> z;
    quint64 tag = 0;
    bool decode = false;
    bool previewOnly = false;
};

// A trajectory's frames: decoded one at a time, first the prioritised one, then in order.
struct Series {
    std::vector<float> z;   // frames × zdim
    int zdim = 0;
    quint64 tag = 0;
    std::vector<char> done;
    int priority = -1;

    // The next frame to decode, or -1 when all are done.
    int next() const
    {
        if (priority >= 0 && priority < int(done.size()) && !done[std::size_t(priority)])
            return priority;
        for (std::size_t i = 0; i < done.size(); ++i)
            if (!done[i])
                return int(i);
        return -1;
    }
};

} // namespace

struct MapDecoder::Worker {
    MapDecoder* owner;
    std::mutex mutex;
    std::condition_variable_any wake;
    std::optional<Request> pending;   // the newest request only
    std::optional<Series> series;     // frames to decode when no request waits
    std::unique_ptr<cryo::VolumeGenerator> generator;   // touched by the thread only
    std::vector<int> clickBoxes;                         // the boxes a click decodes, coarse to full
    std::atomic<int> zdim{-1};
    std::jthread thread;

    explicit Worker(MapDecoder* o) : owner(o), thread([this](std::stop_token stop) { run(stop); }) {}

    // Queues r, replacing a request that has not started (an unstarted run load is kept).
    void post(Request r)
    {
        std::lock_guard lock(mutex);
        if (pending && pending->openRun && !r.openRun)
            r.openRun = pending->openRun;
        pending = std::move(r);
        wake.notify_all();
    }

    bool newerRequestWaiting()
    {
        std::lock_guard lock(mutex);
        return pending.has_value();
    }

    template <typename F>
    void toGui(F&& f)
    {
        QMetaObject::invokeMethod(owner, std::forward<F>(f), Qt::QueuedConnection);
    }

    void open(const QString& runDir)
    {
        generator = cryo::VolumeGenerator::open(runDir.toStdString(), 1);   // 1 thread: the GUI keeps a core
        clickBoxes = generator->clickBoxes(kFirstPreviewMultiplyAdds);
        zdim = generator->zdim();
        toGui([o = owner, z = int(zdim)] { Q_EMIT o->runOpened(z); });
    }

    void decode(const Request& r)
    {
        for (std::size_t i = 0; i < clickBoxes.size(); ++i) {
            const bool preview = i + 1 < clickBoxes.size();
            if (i > 0 && (r.previewOnly || newerRequestWaiting()))
                return;   // a thumbnail needs the first preview only; or the user has moved on
            QElapsedTimer clock;
            clock.start();
            auto map = std::make_shared<const cryo::Volume>(generator->generate(r.z, clickBoxes[i]));
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            toGui([o = owner, map, preview, tag = r.tag, ms] { Q_EMIT o->mapReady(map, preview, tag, ms); });
        }
    }

    void postSeries(std::optional<Series> s)
    {
        std::lock_guard lock(mutex);
        series = std::move(s);
        wake.notify_all();
    }

    bool seriesWaiting() const { return generator && series && series->next() >= 0; }

    // One frame of the series (the lock is held on entry and on return, not while decoding).
    void decodeSeriesFrame(std::unique_lock<std::mutex>& lock)
    {
        const int index = series->next();
        const quint64 tag = series->tag;
        const std::vector<float> z(series->z.begin() + std::ptrdiff_t(index) * series->zdim,
                                   series->z.begin() + std::ptrdiff_t(index + 1) * series->zdim);
        lock.unlock();
        try {
            QElapsedTimer clock;
            clock.start();
            auto map = std::make_shared<const cryo::Volume>(generator->generate(z, cryo::VolumeGenerator::Quality::Full));
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            toGui([o = owner, map, index, tag, ms] { Q_EMIT o->seriesFrameReady(map, index, tag, ms); });
        } catch (const std::exception& e) {
            toGui([o = owner, message = QString::fromUtf8(e.what())] { Q_EMIT o->failed(message); });
            lock.lock();
            if (series && series->tag == tag)
                series.reset();   // the same error would follow for every frame
            return;
        }
        lock.lock();
        if (series && series->tag == tag)
            series->done[std::size_t(index)] = 1;
    }

    void run(std::stop_token stop)
    {
        while (true) {
            Request r;
            {
                std::unique_lock lock(mutex);
                if (!wake.wait(lock, stop, [this] { return pending.has_value() || seriesWaiting(); }))
                    return;
                if (!pending) {
                    decodeSeriesFrame(lock);
                    continue;
                }
                r = std::move(*pending);
                pending.reset();
            }
            try {
                if (r.openRun)
                    open(*r.openRun);
                if (r.decode && generator)
                    decode(r);
            } catch (const std::exception& e) {
                toGui([o = owner, message = QString::fromUtf8(e.what())] { Q_EMIT o->failed(message); });
            }
        }
    }
};

MapDecoder::MapDecoder(QObject* parent) : QObject(parent), m_worker(std::make_unique<Worker>(this)) {}

MapDecoder::~MapDecoder()
{
    m_worker->thread.request_stop();
    m_worker->thread.join();   // before the Worker (and its pending lambdas' owner) goes away
}

void MapDecoder::openRun(const QString& runDir)
{
    m_worker->zdim = -1;
    m_worker->postSeries(std::nullopt);   // frames of the previous run's model
    Request r;
    r.openRun = runDir;
    m_worker->post(std::move(r));
}

void MapDecoder::request(std::vector<float> z, quint64 tag, bool previewOnly)
{
    Request r;
    r.previewOnly = previewOnly;
    r.z = std::move(z);
    r.tag = tag;
    r.decode = true;
    m_worker->post(std::move(r));
}

quint64 MapDecoder::requestSeries(std::vector<float> zRows, int zdim)
{
    if (zdim <= 0 || zRows.empty() || zRows.size() % std::size_t(zdim) != 0)
        return 0;
    const quint64 tag = ++m_seriesTag;
    Series s;
    s.done.assign(zRows.size() / std::size_t(zdim), 0);
    s.z = std::move(zRows);
    s.zdim = zdim;
    s.tag = tag;
    m_worker->postSeries(std::move(s));
    return tag;
}

void MapDecoder::prioritizeSeriesFrame(int index)
{
    std::lock_guard lock(m_worker->mutex);
    if (m_worker->series)
        m_worker->series->priority = index;
}

void MapDecoder::cancelSeries()
{
    m_worker->postSeries(std::nullopt);
}

bool MapDecoder::isOpen() const { return m_worker->zdim >= 0; }
int MapDecoder::zdim() const { return m_worker->zdim; }
