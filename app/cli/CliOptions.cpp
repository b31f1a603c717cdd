#include "cli/CliOptions.h"

#include "cryodrgn/CryodrgnImport.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

namespace cli {

void addRunOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {"epoch", QCoreApplication::translate("cli", "cryoDRGN runs: the epoch N of weights.N.pkl (default: the newest)."),
         QCoreApplication::translate("cli", "N")},
        {"particles", QCoreApplication::translate("cli", "cryoDRGN runs: the particle file, when the config's path is not found here."),
         QCoreApplication::translate("cli", "FILE")},
    });
}

std::filesystem::path runArgument(const QCommandLineParser& parser)
{
    const std::filesystem::path path = parser.positionalArguments().value(0).toStdString();
    std::optional<int> epoch;
    numberOption(parser, "epoch", epoch);
    if (!cryo::isCryodrgnRunDirectory(path)) {
        if (epoch || parser.isSet("particles"))
            throw cryo::UsageError("--epoch and --particles apply to cryoDRGN run directories; " + path.string() +
                                   " is not one");
        return path;
    }
    cryo::CryodrgnImportOptions options;
    options.epoch = epoch;
    options.particles = parser.value("particles").toStdString();
    const cryo::CryodrgnImport import = cryo::importCryodrgnRun(path, options);
    std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("cli", "cryoDRGN run, epoch %1 (%2)")
                                                .arg(import.epoch.number)
                                                .arg(QString::fromStdString(import.runDirectory.string()))));
    for (const std::string& note : import.notes)
        std::fprintf(stderr, "  %s\n", note.c_str());
    return import.runDirectory;
}

void layerOption(const QCommandLineParser& parser, const QString& name, int& width, int& layers)
{
    if (!parser.isSet(name))
        return;
    const QStringList parts = parser.value(name).toLower().split(QLatin1Char('x'));
    bool okWidth = false, okLayers = false;
    if (parts.size() == 2) {
        width = parts[0].toInt(&okWidth);
        layers = parts[1].toInt(&okLayers);
    }
    if (!okWidth || !okLayers || width < 1 || layers < 0)
        throw cryo::UsageError(QCoreApplication::translate("cli", "--%1 needs WIDTHxLAYERS (e.g. 256x3), got '%2'")
                                   .arg(name, parser.value(name))
                                   .toStdString());
}

namespace {
std::atomic<bool> g_interrupted{false};   // written by the signal handler only
extern "C" void onInterrupt(int)
{
    g_interrupted = true;
    std::signal(SIGINT, SIG_DFL);   // a second Ctrl-C terminates
}
} // namespace

struct InterruptWatcher::Impl {
    std::stop_source source;
    std::jthread poller;
};

InterruptWatcher::InterruptWatcher() : m_impl(new Impl)
{
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    // Signal handlers may only touch lock-free atomics; a thread turns the flag into a stop request.
    m_impl->poller = std::jthread([this](std::stop_token stop) {
        while (!stop.stop_requested()) {
            if (g_interrupted) {
                m_impl->source.request_stop();
                return;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
}

InterruptWatcher::~InterruptWatcher()
{
    std::signal(SIGINT, SIG_DFL);
    delete m_impl;
}

std::stop_token InterruptWatcher::token() const { return m_impl->source.get_token(); }
bool InterruptWatcher::interrupted() const { return g_interrupted; }

} // namespace cli
