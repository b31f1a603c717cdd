#pragma once
// The rendezvous store of a job on this machine (a c10d TCPStore server on a free port),
// served by `cryoscape train --processes N` itself rather than by rank 0, so it outlives any
// rank: the survivors of a dead rank 0 can still read who stopped. Torch-free header.
#include <memory>
#include <string>

namespace cryo {

class StoreServer {
public:
    // Listens on `host` at a port the system picks; throws std::runtime_error when it cannot.
    explicit StoreServer(const std::string& host);
    ~StoreServer();
    StoreServer(const StoreServer&) = delete;
    StoreServer& operator=(const StoreServer&) = delete;
    int port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace cryo
