#pragma once

#include "config/configuration.h"
#include "pipeline/download/mailboxretrieval.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Pop3Connector {

class SpoolCommitter;
class UidLedger;

// Keeps one ledger object per mailbox, so that recovery, retrieval and the committer share it.
class LedgerRegistry
{
public:
    explicit LedgerRegistry(const Spool &spool);
    // The ledger of `mailbox` for the account `user` at `host`; null with `error` set when it
    // cannot be opened.
    std::shared_ptr<UidLedger> ledger(
        const QString &mailbox, const QString &host, const QString &user, QString *error);

private:
    Spool m_spool;
    QHash<QString, std::pair<QString, std::shared_ptr<UidLedger>>> m_ledgers;
};

// Stage 1 for many mailboxes: each retrieval on a thread of its own, at most
// max_connections_per_host at once against one server, the rest waiting their turn.
class DownloadStage : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        MailboxSettings mailbox;
        QByteArray password;
    };

    DownloadStage(const Spool &spool, SpoolCommitter *committer, LedgerRegistry *ledgers,
        QObject *parent = nullptr);
    ~DownloadStage() override;

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
    void eventRaised(const Pop3Connector::Event &event);
    void transcriptLine(const QString &mailbox, Pop3Connector::TranscriptDirection direction,
        const QByteArray &line);
    void progressed(const Pop3Connector::MailboxProgress &progress);
    void mailboxFinished(const Pop3Connector::RetrievalReport &report);
    void finished(const QList<Pop3Connector::RetrievalReport> &reports);

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
