#pragma once

#include "spool/spool.h"

#include <QHash>
#include <QString>

#include <memory>

namespace Pop3Connector {

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

} // namespace Pop3Connector
