// p3c-control-bench: what the control channel costs. Against a private Dovecot, pop3connectord
// runs cycles of N messages (default 5000, the benchmark's main corpus) with delivery to PickUp,
// at log level medium (a few events a cycle) and maximum (events for every message stored and
// routed), each
//   with a client that follows only the cycle and its stages (a few notifications), and
//   with a second client subscribed to every topic, reading all of it; at maximum this one also
//   measures each event's delay from its time in the service to its arrival
// in alternation, RUNS times; it prints the download stage's duration and throughput (medians).
// Then the channel alone: a request that raises an event on the service's thread, to that
// event's arrival, one after the other, idle and during a cycle.
// Needs root (Dovecot); run from the build folder: build/tests/p3c-control-bench [N] [RUNS]
#include "corpus.h"
#include "dovecotfixture.h"
#include "service/controlclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Pop3Connector;
using namespace Pop3Connector::Control;

namespace {

// Runs the event loop until `done` holds (looked at every millisecond, never sleeping between:
// QTest::qWaitFor sleeps 10 ms between looks, which would be measured here) or `timeoutMs`.
template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer look;
    QObject::connect(&look, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    look.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

struct Run
{
    QList<qint64> roundTripsUs; // request -> the event it raises, arrived; nothing running
    QList<qint64> busyRoundTripsUs; // the same while a cycle runs
    double downloadSeconds = 0;
    double cycleSeconds = 0;
    qint64 notifications = 0;
    qint64 notificationBytes = 0;
    QList<qint64> latenciesMs;
    bool ok = false;
};

// The channel alone: `delivery` raises an event (1057 or 1058) on the service's thread while it
// handles the request; the time from sending the request to that event's arrival, one after
// the other, `count` times or until `stop`.
void measureRoundTrips(const QString &socket, int count, QList<qint64> *out, const bool *stop)
{
    Client client(QStringLiteral("bench toggler"));
    client.connectToService(socket);
    bool ready = false;
    client.subscribe({Topic::Event}, &client, [&](const Result<QCborMap> &r) { ready = r.ok(); });
    (void)waitFor([&] { return ready; }, 10000);
    QElapsedTimer clock;
    bool arrived = false;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&client, &Client::eventReceived, &loop, [&](const Event &e) {
        if (e.id == EventId::DispatchStopped || e.id == EventId::DispatchStarted) {
            arrived = true;
            loop.quit();
        }
    });
    for (int i = 0; i < count && !(stop && *stop); ++i) {
        arrived = false;
        clock.start();
        client.request(Method::Delivery, QCborMap {{QStringLiteral("enabled"), i % 2 == 1}},
            &client, [](const Result<QCborMap> &) {});
        deadline.start(10000);
        loop.exec();
        if (!arrived)
            break;
        out->append(clock.nsecsElapsed() / 1000);
    }
}

Run runOnce(DovecotFixture &dovecot, const QList<QByteArray> &corpus, bool subscribed, bool maximum,
    bool roundTrips)
{
    Run run;
    dovecot.clearMailbox(QStringLiteral("shop"));
    if (!dovecot.addMessages(QStringLiteral("shop"), corpus).isEmpty())
        return run;
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("c.ini"));
    QFile pw(dir.filePath(QStringLiteral("shop.pw")));
    pw.open(QIODevice::WriteOnly);
    pw.write("pw-shop\n");
    pw.close();
    pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile f(ini);
    f.open(QIODevice::WriteOnly);
    f.write(
        QStringLiteral("[connector]\nspool = spool\nschedule_enabled = false\n"
                       "control_socket = control\nlog_level = %1\n[delivery]\ntransport = pickup\n"
                       "[mailbox.shop]\nhost = 127.0.0.1\nport = %2\nsecurity = starttls\n"
                       "ca_file = %3\nuser = shop\npassword_file = shop.pw\n"
                       "local_mailbox = alice@office.example\n")
            .arg(maximum ? QStringLiteral("maximum") : QStringLiteral("medium"))
            .arg(dovecot.pop3Port())
            .arg(dovecot.caFile())
            .toUtf8());
    f.close();
    ChildProcess service;
    service.setStandardErrorFile(QProcess::nullDevice());
    service.start(QStringLiteral(P3C_DAEMON), {QStringLiteral("--config"), ini});
    const QString socket = dir.filePath(QStringLiteral("control"));

    Client control(QStringLiteral("bench"));
    (void)waitFor(
        [&] {
            if (control.state() == Client::State::Disconnected)
                control.connectToService(socket);
            QTest::qWait(50);
            return control.isReady();
        },
        20000);
    if (!control.isReady())
        return run;
    QElapsedTimer clock;
    qint64 cycleStart = -1, downloadStart = -1, downloadEnd = -1, cycleEnd = -1;
    QObject::connect(&control, &Client::stageChanged, [&](const QString &stage, bool active) {
        if (stage == u"download")
            (active ? downloadStart : downloadEnd) = clock.nsecsElapsed();
    });
    QObject::connect(&control, &Client::cycleFinished, [&](const CycleOutcome &c) {
        cycleEnd = clock.nsecsElapsed();
        run.ok =
            c.succeeded() && !c.mailboxes.isEmpty() && c.mailboxes.first().stored == corpus.size();
    });
    control.subscribe({Topic::Cycle, Topic::Stage});

    Client listener(QStringLiteral("bench listener"));
    if (subscribed) {
        listener.connectToService(socket);
        QObject::connect(&listener, &Client::notified, [&](const QString &, const QCborMap &body) {
            ++run.notifications;
            run.notificationBytes += QCborValue(body).toCbor().size();
        });
        if (maximum) {
            QObject::connect(&listener, &Client::eventReceived, [&](const Event &e) {
                if (e.id == EventId::DispatchStopped || e.id == EventId::DispatchStarted)
                    return; // the round trips' own
                run.latenciesMs.append(e.time.msecsTo(QDateTime::currentDateTimeUtc()));
            });
        }
        bool ready = false;
        listener.subscribe(
            Topic::all(), &listener, [&](const Result<QCborMap> &r) { ready = r.ok(); });
        (void)waitFor([&] { return ready; }, 10000);
    }
    clock.start();
    cycleStart = 0;
    if (roundTrips) // the channel alone, while nothing runs
        measureRoundTrips(socket, 2000, &run.roundTripsUs, nullptr);
    control.request(Method::RetrieveNow, {}, &control, [](const Result<QCborMap> &) {});
    if (roundTrips) { // and while the cycle runs
        QList<qint64> busy;
        bool over = false;
        QObject::connect(&control, &Client::cycleFinished, [&] { over = true; });
        measureRoundTrips(socket, 100000, &busy, &over);
        run.busyRoundTripsUs = busy;
    }
    (void)waitFor([&] { return cycleEnd >= 0; }, 600000);
    QTest::qWait(200); // the last events reach the listener
    run.downloadSeconds = double(downloadEnd - downloadStart) / 1e9;
    run.cycleSeconds = double(cycleEnd - cycleStart) / 1e9;
    service.terminate();
    service.waitForFinished(30000);
    return run;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

qint64 percentile(QList<qint64> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 5000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    DovecotFixture dovecot;
    if (const QString error = dovecot.start({{QStringLiteral("shop"), QStringLiteral("pw-shop")}});
        !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    CorpusOptions options;
    options.count = count;
    options.seed = 5000;
    const QList<QByteArray> corpus = makeCorpus(options);
    qint64 bytes = 0;
    for (const QByteArray &m : corpus)
        bytes += m.size();
    std::printf("%d messages, %.1f MB; %d runs each\n\n", count, double(bytes) / 1e6, runs);
    std::printf(
        "| log level | subscriber | download s (median) | msgs/s | MB/s | cycle s (median) | "
        "notifications read | KB |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    struct Kind
    {
        bool maximum;
        bool subscribed;
        QList<double> download, cycle;
        Run last;
    };
    QList<Kind> kinds = {{false, false, {}, {}, {}}, {false, true, {}, {}, {}},
        {true, false, {}, {}, {}}, {true, true, {}, {}, {}}};
    QList<qint64> latencies;
    for (int i = 0; i < runs; ++i) {
        for (Kind &k : kinds) { // in alternation, so that the machine's drift spreads evenly
            k.last = runOnce(dovecot, corpus, k.subscribed, k.maximum, false);
            if (!k.last.ok) {
                std::fprintf(stderr, "a run failed\n");
                return 1;
            }
            k.download.append(k.last.downloadSeconds);
            k.cycle.append(k.last.cycleSeconds);
            latencies += k.last.latenciesMs;
        }
    }
    for (const Kind &k : kinds) {
        const double d = median(k.download);
        std::printf("| %s | %s | %.2f | %.0f | %.1f | %.2f | %lld | %lld |\n",
            k.maximum ? "maximum" : "medium", k.subscribed ? "every topic" : "none", d, count / d,
            double(bytes) / 1e6 / d, median(k.cycle), k.last.notifications,
            k.last.notificationBytes / 1024);
    }
    const Run r = runOnce(dovecot, corpus, false, true, true);
    std::printf("\nEvents of the pipeline (log level maximum: stored, routed), from the time the "
                "stage made each to its arrival at the subscriber (ms resolution; includes the "
                "stages' batching): %lld events, p50 %lld ms, p99 %lld ms\n",
        qint64(latencies.size()), percentile(latencies, 0.5), percentile(latencies, 0.99));
    std::printf("The channel alone (request -> the event it raises, arrived): idle %lld samples "
                "p50 %lld us p99 %lld us; during a cycle %lld samples p50 %lld us p99 %lld us\n",
        qint64(r.roundTripsUs.size()), percentile(r.roundTripsUs, 0.5),
        percentile(r.roundTripsUs, 0.99), qint64(r.busyRoundTripsUs.size()),
        percentile(r.busyRoundTripsUs, 0.5), percentile(r.busyRoundTripsUs, 0.99));
    return 0;
}
