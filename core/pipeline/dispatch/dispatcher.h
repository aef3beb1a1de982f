#pragma once

#include "config/configuration.h"
#include "events/event.h"
#include "events/transcript.h"
#include "pipeline/dispatch/deliverysession.h"
#include "pipeline/dispatch/dispatchreport.h"
#include "spool/spool.h"

#include <QList>
#include <QObject>

#include <functional>

class QThread;

namespace Pop3Connector {

class PickupSync;

// Stage 3 (docs/design.md "Dispatch"): delivers PickUp to the local server over up to
// [delivery] connections at once, each a DeliverySession with a share of the files, on a thread
// of the dispatcher's; adds up their reports. Lives on the thread that created it.
class Dispatcher : public QObject
{
    Q_OBJECT
public:
    Dispatcher(const Spool &spool, const Configuration &configuration, QObject *parent = nullptr);
    // Ends the sessions' thread; a session still running is dropped with it.
    ~Dispatcher() override;

    // Test seam: the connection each session makes.
    void setChannelFactory(std::function<Channel *()> factory) { m_channelFactory = factory; }
    // Where the sessions record each message's outcome.
    void setJournal(std::shared_ptr<MessageJournal> journal) { m_journal = std::move(journal); }

    // Delivers what PickUp holds now, `password` for SMTP AUTH; finished() when every session
    // has ended.
    void run(const QByteArray &password);
    bool isRunning() const { return !m_sessions.isEmpty(); }
    // Each session ends after the transaction it has in flight.
    void requestStop();
    // Drops every connection now; what was not delivered waits in PickUp.
    void cancel();

Q_SIGNALS:
    void eventRaised(const Pop3Connector::Event &event);
    void transcriptLine(
        const QString &who, Pop3Connector::TranscriptDirection direction, const QByteArray &line);
    void finished(const Pop3Connector::DispatchReport &report);

private:
    void onSessionFinished(DeliverySession *session, const DispatchReport &report);

    Spool m_spool;
    Configuration m_configuration;
    std::function<Channel *()> m_channelFactory;
    std::shared_ptr<MessageJournal> m_journal;
    QThread *m_thread;
    PickupSync *m_sync; // the sessions', on m_thread
    QList<DeliverySession *> m_sessions;
    DispatchReport m_report;
};

} // namespace Pop3Connector
