#pragma once

#include "spool/pickupenvelope.h"
#include "spool/spool.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

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
    QString reason; // why it is in Failed Mail, BadMail, or still in PickUp
    QString mailbox;
    bool readable = true; // the header could be parsed
};

// The spool seen as folders of messages, and what an administrator does with them: look,
// requeue (Failed Mail -> Incoming Mail, BadMail -> PickUp), export, delete, or send an
// unreadable message as an attachment to the undeliverable-mail mailbox. Every move keeps a
// message in exactly one folder. Blocking file work: call it off the UI thread.
class SpoolBrowser
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::SpoolBrowser)

public:
    explicit SpoolBrowser(const Spool &spool);

    // Message names, oldest first, without reading them.
    QStringList names(SpoolFolder folder) const;
    MessageSummary summary(SpoolFolder folder, const QString &name) const;
    QList<MessageSummary> list(SpoolFolder folder) const;
    // The decoded header lines and text of a message, for a preview pane.
    QString preview(SpoolFolder folder, const QString &name, int maxChars = 64 * 1024) const;

    // Each returns an empty string or what went wrong.
    [[nodiscard]] QString requeue(SpoolFolder folder, const QString &name) const;
    [[nodiscard]] QString exportMessage(
        SpoolFolder folder, const QString &name, const QString &destination) const;
    [[nodiscard]] QString remove(SpoolFolder folder, const QString &name) const;
    [[nodiscard]] QString wrapForUndeliverable(
        SpoolFolder folder, const QString &name, const QString &undeliverableMailbox) const;

    // Where the message itself starts in its file (after a pickup envelope).
    qint64 messageOffset(SpoolFolder folder, const QString &name) const;

private:
    // The pickup envelope of a PickUp or BadMail file, read whole.
    std::optional<PickupEnvelope> envelope(SpoolFolder folder, const QString &name) const;

    Spool m_spool;
};

} // namespace Pop3Connector
