//! Finding rare bytes fast. Rules that look for a few kinds of characters
//! (invisible ones, combining marks) test a block of bytes at a time, in a
//! form the compiler turns into vector instructions, and look at single
//! bytes only in blocks that have a match.

const BLOCK: usize = 32;

/// Positions of the bytes for which `pred` holds, in order. `pred` should be
/// a few comparisons, so that the test of a whole block vectorizes.
pub fn byte_positions<F>(bytes: &[u8], pred: F) -> impl Iterator<Item = usize> + '_
where
    F: Fn(u8) -> bool + Copy + 'static,
{
    bytes
        .chunks(BLOCK)
        .enumerate()
        .filter(move |(_, block)| block.iter().fold(false, |any, &b| any | pred(b)))
        .flat_map(move |(n, block)| {
            block
                .iter()
                .enumerate()
                .filter(move |&(_, &b)| pred(b))
                .map(move |(i, _)| n * BLOCK + i)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_matching_byte_in_order() {
        let mut bytes = vec![b'a'; 100];
        for i in [0, 31, 32, 33, 64, 99] {
            bytes[i] = 0xff;
        }
        let found: Vec<usize> = byte_positions(&bytes, |b| b == 0xff).collect();
        assert_eq!(found, [0, 31, 32, 33, 64, 99]);
        assert_eq!(byte_positions(b"", |b| b == 0).count(), 0);
    }
}
