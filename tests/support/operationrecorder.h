#pragma once

#include "base/durablefs.h"

#include <QList>
#include <QMutex>

#include <functional>

// Installs itself as the durable layer's observer for its lifetime: records every operation
// that reached the file system, in order, and makes chosen ones fail as a full disk would.
class OperationRecorder : public Pop3Connector::DurableFs::Observer
{
public:
    using Operation = Pop3Connector::DurableFs::Operation;

    OperationRecorder();
    ~OperationRecorder() override;

    // Fails the operation with this index (counting every operation that reached the layer,
    // from 0), or every operation `when` accepts, with `code`.
    void failAt(int index, Pop3Connector::ErrorCode code = Pop3Connector::ErrorCode::DiskFull);
    void failWhen(std::function<bool(const Operation &)> when,
        Pop3Connector::ErrorCode code = Pop3Connector::ErrorCode::DiskFull);
    // How many operations reached the layer; how many were made to fail.
    int seen() const;
    int failed() const;
    // The operations that succeeded, in the order the file system saw them.
    QList<Operation> log() const;
    void clear();

    Pop3Connector::Status intercept(const Operation &operation) override;
    void completed(const Operation &operation) override;

private:
    mutable QMutex m_mutex;
    QList<Operation> m_log;
    int m_seen = 0;
    int m_failed = 0;
    int m_failAt = -1;
    std::function<bool(const Operation &)> m_failWhen;
    Pop3Connector::ErrorCode m_code = Pop3Connector::ErrorCode::DiskFull;
};
