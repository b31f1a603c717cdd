#include "train/ReplicaGroup.h"

#include "util/HostName.h"

#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <atomic>
#include <cstdlib>
#include <thread>
#include <unistd.h>

namespace cryo {

namespace {

using Milliseconds = std::chrono::milliseconds;
constexpr auto kBeat = std::chrono::seconds(1);

std::string text(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }
std::vector<std::uint8_t> bytes(const std::string& s) { return {s.begin(), s.end()}; }

c10::intrusive_ptr<c10d::TCPStore> connectStore(const DistributedOptions& o, bool serve, Milliseconds timeout)
{
    c10d::TCPStoreOptions store;
    store.port = std::uint16_t(o.storePort);
    store.isServer = serve;
    store.waitWorkers = false;
    store.timeout = timeout;
    return c10::make_intrusive<c10d::TCPStore>(o.storeHost, store);
}

std::shared_ptr<gloo::transport::Device> glooDevice(const DistributedOptions& o)
{
    if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
    if (o.storeHost == "127.0.0.1" || o.storeHost == "localhost")
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

} // namespace

struct ReplicaGroup::Impl {
    DistributedOptions options;
    Milliseconds timeout;
    c10::intrusive_ptr<c10d::Store> store;        // the job's keys, under "cryoscape/"
    c10::intrusive_ptr<c10d::TCPStore> beatStore;   // the heartbeat's own connection
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    std::vector<std::string> hosts;               // "host, pid N" per rank
    std::atomic<bool> beating{true};
    std::jthread heart;

    std::string beatKey(int rank) const { return "beat/" + std::to_string(rank); }
    // The ranks whose heartbeat did not advance for three beats ("" when all did, or the store is gone).
    std::string silentRanks(const ReplicaGroup& group);
};

ReplicaGroup::ReplicaGroup(const DistributedOptions& options) : m(std::make_unique<Impl>())
{
    m->options = options;
    m->timeout = Milliseconds(std::int64_t(options.timeoutSeconds * 1000));
    const std::string where = options.storeHost + ":" + std::to_string(options.storePort);
    const std::string self = "rank " + std::to_string(options.rank) + " of " + std::to_string(options.worldSize) +
                             " on " + thisHostName();
    c10::intrusive_ptr<c10d::TCPStore> tcp;
    try {
        tcp = connectStore(options, options.hostStore, m->timeout);
        m->beatStore = connectStore(options, false, m->timeout);
    } catch (const std::exception& e) {
        throw DistributedFailure(self + ": cannot reach the rendezvous store at " + where + " within " +
                                 std::to_string(int(options.timeoutSeconds)) +
                                 " s (is rank 0 running, and are MASTER_ADDR and MASTER_PORT right?): " + e.what());
    }
    m->store = c10::make_intrusive<c10d::PrefixStore>("cryoscape", tcp);
    m->store->set("host/" + std::to_string(options.rank),
                  bytes(thisHostName() + ", pid " + std::to_string(::getpid())));
    m->heart = std::jthread([impl = m.get()](std::stop_token stop) {
        // The heartbeat's own prefix store: the main connection may be blocked in a wait.
        const auto beats = c10::make_intrusive<c10d::PrefixStore>("cryoscape", impl->beatStore);
        while (!stop.stop_requested() && impl->beating) {
            try {
                beats->add(impl->beatKey(impl->options.rank), 1);
            } catch (const std::exception&) {
                return;   // the store is gone; the collectives will say so
            }
            std::this_thread::sleep_for(kBeat);
        }
    });
    std::vector<std::string> keys;
    for (int r = 0; r < options.worldSize; ++r)
        keys.push_back("host/" + std::to_string(r));
    try {
        m->store->wait(keys, m->timeout);
    } catch (const std::exception&) {
        std::string missing;
        for (int r = 0; r < options.worldSize; ++r)
            if (!m->store->check({keys[std::size_t(r)]}))
                missing += (missing.empty() ? "" : ", ") + std::to_string(r);
        throw DistributedFailure(self + ": ranks " + missing + " did not join the job at " + where + " within " +
                                 std::to_string(int(options.timeoutSeconds)) + " s");
    }
    for (const std::string& key : keys)
        m->hosts.push_back(text(m->store->get(key)));
    auto glooOptions = c10d::ProcessGroupGloo::Options::create(m->timeout);
    glooOptions->devices.push_back(glooDevice(options));
    glooOptions->threads = 2;
    try {
        m->group = c10::make_intrusive<c10d::ProcessGroupGloo>(
            c10::make_intrusive<c10d::PrefixStore>("cryoscape/gloo", tcp), options.rank, options.worldSize, glooOptions);
    } catch (const std::exception& e) {
        fail(std::string("connecting the ranks failed: ") + e.what());
    }
}

ReplicaGroup::~ReplicaGroup()
{
    m->beating = false;
    m->heart.request_stop();
}

int ReplicaGroup::rank() const { return m->options.rank; }
int ReplicaGroup::size() const { return m->options.worldSize; }

std::string ReplicaGroup::describe(int rank) const
{
    return "rank " + std::to_string(rank) + " (" + m->hosts.at(std::size_t(rank)) + ")";
}

c10::intrusive_ptr<c10d::Work> ReplicaGroup::startSum(torch::Tensor tensor)
{
    std::vector<torch::Tensor> tensors{std::move(tensor)};
    try {
        return m->group->allreduce(tensors);
    } catch (const std::exception& e) {
        fail(e.what());
    }
}

void ReplicaGroup::wait(const c10::intrusive_ptr<c10d::Work>& work)
{
    try {
        work->wait();
    } catch (const std::exception& e) {
        fail(e.what());
    }
}

void ReplicaGroup::broadcastFromFirst(torch::Tensor tensor)
{
    std::vector<torch::Tensor> tensors{std::move(tensor)};
    try {
        m->group->broadcast(tensors)->wait();
    } catch (const std::exception& e) {
        fail(e.what());
    }
}

std::string ReplicaGroup::Impl::silentRanks(const ReplicaGroup& group)
{
    try {
        auto beats = c10::make_intrusive<c10d::PrefixStore>("cryoscape", connectStore(options, false, kBeat * 5));
        std::vector<std::int64_t> before;
        for (int r = 0; r < options.worldSize; ++r)
            before.push_back(beats->add(beatKey(r), 0));
        std::this_thread::sleep_for(kBeat * 3);
        std::string silent;
        for (int r = 0; r < options.worldSize; ++r)
            if (r != options.rank && beats->add(beatKey(r), 0) == before[std::size_t(r)])
                silent += (silent.empty() ? "" : ", ") + group.describe(r);
        return silent.empty() ? "" : silent + " stopped (no heartbeat for 3 s)";
    } catch (const std::exception&) {
        const std::string server = options.launcherServesStore ? "the launcher (cryoscape train --processes)"
                                   : options.hostStore           ? "this rank"
                                                                 : group.describe(0);
        return "the store at " + options.storeHost + ":" + std::to_string(options.storePort) + " is gone (" + server +
               ", which served it, stopped)";
    }
}

void ReplicaGroup::fail(const std::string& what)
{
    const std::string silent = m->silentRanks(*this);
    m->beating = false;
    throw DistributedFailure(describe(m->options.rank) + ": training stopped" +
                             (silent.empty() ? std::string() : ", " + silent) + ". The collective said: " + what);
}

} // namespace cryo
