// One reading of the same thing at a time. The bell in the header and the notifications page each
// read the reader's notifications when a screen opens; on that page both asked at once, and the
// server walked her cases twice (a worker on many cases waited for both). A call made while a reading
// it can use is under way gets that reading's answer instead of starting another.
export type Reader<K, T> = (kind: K) => Promise<T>;

/**
 * `read` shared while under way: a call whose `kind` the reading under way `serves` gets its answer;
 * any other call starts a reading of its own, which later calls then share.
 */
export function sharedReading<K, T>(read: Reader<K, T>, serves: (underWay: K, wanted: K) => boolean): Reader<K, T> {
  let underWay: { kind: K; answer: Promise<T> } | null = null;
  return (kind) => {
    if (underWay !== null && serves(underWay.kind, kind)) return underWay.answer;
    const mine = { kind, answer: read(kind) };
    underWay = mine;
    const over = () => {
      if (underWay === mine) underWay = null;
    };
    mine.answer.then(over, over);
    return mine.answer;
  };
}
