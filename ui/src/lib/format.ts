/** "12,345": one shared formatter (`toLocaleString` builds one per call, ~50 µs: too slow per frame). */
export const formatCount: (n: number) => string = new Intl.NumberFormat('en-US').format;
