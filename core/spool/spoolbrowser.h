#pragma once

#include "events/event.h"
#include "spool/pickupenvelope.h"
#include "spool/spool.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Pop3Connector {

// One message of a spool folder as the administrator sees it.
struct MessageSummary
{
    SpoolFolder folder = SpoolFolder::Incoming;
    QString name;
    QString from;
    QString to; // the envelope recipients where there are some, else the To header
    QString subject; // decoded from any charset
    QDateTime date; // the Date header
    QDateTime arrived; // when the connector retrieved it
    qint64 size = 0; // bytes of the message
    Phrase reason; // why it is in Failed Mail, BadMail, or still in PickUp
    QString mailbox;
    bool readable = true; // the header could be parsed
};

// The spool seen as folders of messages, and what an administrator does with them: look,
// requeue (Failed Mail -> Incoming Mail, BadMail -> PickUp), export, delete, or send an
// unreadable message as an attachment to the undeliverable-mail mailbox. Every move keeps a
// message in exactly one folder, and every action that succeeds can be told to the event log.
// Blocking file work: call it off the UI thread.
class SpoolBrowser
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::SpoolBrowser)

public:
    using EventSink = std::function<void(const Pop3Connector::Event &event)>;

    explicit SpoolBrowser(const Spool &spool);

    // From now on each action that succeeds hands `sink` the event that records it: requeue
    // 1060, remove 1061, wrapForUndeliverable 1062, exportMessage 1063. `requestedBy` names who
    // asked ("user alice in the manager"); empty when the caller does not know.
    void reportTo(EventSink sink, const QString &requestedBy = {});

    // Message names, oldest first, without reading them.
    QStringList names(SpoolFolder folder) const;
    MessageSummary summary(SpoolFolder folder, const QString &name) const;
    QList<MessageSummary> list(SpoolFolder folder) const;
    // The decoded header lines and text of a message, for a preview pane.
    QString preview(SpoolFolder folder, const QString &name, int maxChars = 64 * 1024) const;
    // The decoded text alone, for a reader who writes the header lines in their own language.
    QString previewBody(SpoolFolder folder, const QString &name, int maxChars = 64 * 1024) const;

    // Each returns an empty phrase or what went wrong, as a sentence the reader's language can
    // show (a file system's error is its text).
    [[nodiscard]] Phrase requeue(SpoolFolder folder, const QString &name) const;
    [[nodiscard]] Phrase exportMessage(
        SpoolFolder folder, const QString &name, const QString &destination) const;
    [[nodiscard]] Phrase remove(SpoolFolder folder, const QString &name) const;
    [[nodiscard]] Phrase wrapForUndeliverable(
        SpoolFolder folder, const QString &name, const QString &undeliverableMailbox) const;

    // Where the message itself starts in its file (after a pickup envelope).
    qint64 messageOffset(SpoolFolder folder, const QString &name) const;

private:
    // Deletes a message and its sidecar, without an event.
    Phrase removeFiles(SpoolFolder folder, const QString &name) const;
    // Hands the event of an action to the sink, with who asked for it.
    void report(
        EventId id, const Phrase &text, const QString &mailbox, const QString &message) const;
    // The mailbox a message came from, from its sidecar, when there is a sink to tell it.
    QString mailboxOf(SpoolFolder folder, const QString &name) const;
    // The pickup envelope of a PickUp or BadMail file, read whole from `from` (after the sidecar
    // at the top of the file, if it has one).
    std::optional<PickupEnvelope> envelope(
        SpoolFolder folder, const QString &name, qint64 from) const;

    Spool m_spool;
    EventSink m_sink;
    QString m_requestedBy;
};

} // namespace Pop3Connector
