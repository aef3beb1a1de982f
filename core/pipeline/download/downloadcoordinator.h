#pragma once

#include "config/configuration.h"
#include "pipeline/download/ledgerregistry.h"
#include "pipeline/download/mailboxretrieval.h"

#include <QHash>
#include <QObject>

namespace Pop3Connector {

class SpoolCommitter;

// Stage 1 for many mailboxes: runs their retrievals, each on a thread of its own, a few at once
// and at most max_connections_per_host against one server, the rest waiting their turn; reports
// each mailbox as it finishes and all of them at the end.
class DownloadCoordinator : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        MailboxSettings mailbox;
        QByteArray password; // or the access token, for a mailbox that signs in with OAuth
        // The token is not newly renewed: a refusal is recorded, not raised (the connector
        // renews it and tries once more).
        bool quietTokenRefusal = false;
    };

    DownloadCoordinator(const Spool &spool, SpoolCommitter *committer, LedgerRegistry *ledgers,
        QObject *parent = nullptr);
    ~DownloadCoordinator() override;

    void setSettings(const ConnectorSettings &settings) { m_settings = settings; }
    // Test seam: the connection each retrieval makes.
    void setChannelFactory(std::function<Channel *()> factory) { m_channelFactory = factory; }

    void run(QList<Job> jobs);
    bool isRunning() const { return !m_waiting.isEmpty() || !m_running.isEmpty(); }
    // Stops starting mailboxes; running ones finish what they requested and QUIT.
    void requestStop();
    // Drops every connection now.
    void cancel();

Q_SIGNALS:
    void mailboxFinished(const Pop3Connector::RetrievalReport &report);
    void finished(const QList<Pop3Connector::RetrievalReport> &reports);
    // Passed on from each retrieval.
    void eventRaised(const Pop3Connector::Event &event);
    void transcriptLine(const QString &mailbox, Pop3Connector::TranscriptDirection direction,
        const QByteArray &line);
    void progressed(const Pop3Connector::MailboxProgress &progress);

private:
    void startWaiting();
    void onRetrievalFinished(MailboxRetrieval *retrieval, const RetrievalReport &report);

    Spool m_spool;
    SpoolCommitter *m_committer;
    LedgerRegistry *m_ledgers;
    ConnectorSettings m_settings;
    std::function<Channel *()> m_channelFactory;
    QList<Job> m_waiting;
    QHash<MailboxRetrieval *, QString> m_running; // retrieval -> host
    QList<RetrievalReport> m_reports;
    bool m_stopping = false;
};

} // namespace Pop3Connector
