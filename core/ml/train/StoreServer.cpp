#include "train/StoreServer.h"

#include <torch/csrc/distributed/c10d/TCPStore.hpp>

namespace cryo {

struct StoreServer::Impl {
    c10::intrusive_ptr<c10d::TCPStore> store;
};

StoreServer::StoreServer(const std::string& host) : m(std::make_unique<Impl>())
{
    c10d::TCPStoreOptions options;
    options.port = 0;   // a free port
    options.isServer = true;
    options.waitWorkers = false;
    m->store = c10::make_intrusive<c10d::TCPStore>(host, options);
}

StoreServer::~StoreServer() = default;

int StoreServer::port() const { return m->store->getPort(); }

} // namespace cryo
