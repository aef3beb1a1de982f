#include "operationrecorder.h"

using namespace Pop3Connector;

OperationRecorder::OperationRecorder()
{
    DurableFs::setObserver(this);
}

OperationRecorder::~OperationRecorder()
{
    DurableFs::setObserver(nullptr);
}

void OperationRecorder::failAt(int index, ErrorCode code)
{
    QMutexLocker lock(&m_mutex);
    m_failAt = index;
    m_code = code;
}

void OperationRecorder::failWhen(std::function<bool(const Operation &)> when, ErrorCode code)
{
    QMutexLocker lock(&m_mutex);
    m_failWhen = std::move(when);
    m_code = code;
}

int OperationRecorder::seen() const
{
    QMutexLocker lock(&m_mutex);
    return m_seen;
}

int OperationRecorder::failed() const
{
    QMutexLocker lock(&m_mutex);
    return m_failed;
}

QList<OperationRecorder::Operation> OperationRecorder::log() const
{
    QMutexLocker lock(&m_mutex);
    return m_log;
}

void OperationRecorder::clear()
{
    QMutexLocker lock(&m_mutex);
    m_log.clear();
    m_seen = 0;
    m_failed = 0;
    m_failAt = -1;
    m_failWhen = nullptr;
}

Status OperationRecorder::intercept(const Operation &operation)
{
    QMutexLocker lock(&m_mutex);
    const int index = m_seen++;
    if (operation.kind == Operation::Kind::Acknowledge)
        return {};
    if (index == m_failAt || (m_failWhen && m_failWhen(operation))) {
        ++m_failed;
        return Error {m_code,
            QStringLiteral("%1: injected failure (%2)")
                .arg(operation.path,
                    m_code == ErrorCode::DiskFull ? QStringLiteral("No space left on device")
                                                  : QStringLiteral("I/O error"))};
    }
    return {};
}

void OperationRecorder::completed(const Operation &operation)
{
    QMutexLocker lock(&m_mutex);
    m_log.append(operation);
}
