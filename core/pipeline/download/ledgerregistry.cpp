#include "pipeline/download/ledgerregistry.h"

#include "spool/uidledger.h"

#include <QObject>

namespace Pop3Connector {

LedgerRegistry::LedgerRegistry(const Spool &spool)
    : m_spool(spool)
{ }

std::shared_ptr<UidLedger> LedgerRegistry::ledger(
    const QString &mailbox, const QString &host, const QString &user, QString *error)
{
    // Host names are case-insensitive: retyping one in capitals is not a different account,
    // and setting the ledger aside would download again what the server still keeps.
    if (host.isEmpty() || user.isEmpty()) {
        // Not an account: never a reason to set the mailbox's ledger aside.
        if (error)
            *error = QObject::tr("no server or user is known for mailbox %1").arg(mailbox);
        return nullptr;
    }
    const QString identity = host.toLower() + u' ' + user;
    auto it = m_ledgers.find(mailbox);
    if (it != m_ledgers.end() && it->first == identity)
        return it->second;
    auto ledger = std::make_shared<UidLedger>(m_spool.ledgerPath(mailbox));
    if (Status opened = ledger->open(identity); !opened) {
        if (error)
            *error = opened.error().message;
        return nullptr;
    }
    m_ledgers.insert(mailbox, {identity, ledger});
    return ledger;
}

} // namespace Pop3Connector
