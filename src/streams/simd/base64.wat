;; Base64 → bytes with WebAssembly SIMD: 16 characters become 12 bytes per block,
;; four independent blocks per loop turn. The caller copies the ASCII text into
;; memory, calls decode, and finishes the last characters and the padding itself.
;;
;; compile.mjs fills in the lookup tables ($LUT_LO, $LUT_HI, $ROLL) and repeats the
;; text between ;; BLOCK and ;; END BLOCK for k = 0…3, replacing `#` with k, `@in`
;; with 16·k and `@out` with 12·k.
(module
  (memory (export "memory") 1)
  ;; Decode `len` (rounded down to 64) characters at `in` to `out`; the output
  ;; region needs 4 bytes of slack. Returns the characters consumed, or -1 if
  ;; any character is outside the standard alphabet (the caller then takes the
  ;; slow path, which also handles whitespace).
  (func (export "decode") (param $in i32) (param $len i32) (param $out i32) (result i32)
    (local $end i32) (local $p i32) (local $q i32) (local $bad v128)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $hi0 v128) (local $hi1 v128) (local $hi2 v128) (local $hi3 v128)
    (local.set $end (i32.add (local.get $in) (i32.and (local.get $len) (i32.const -64))))
    (local.set $p (local.get $in))
    (local.set $q (local.get $out))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; BLOCK
        (local.set $v# (v128.load offset=@in (local.get $p)))
        (local.set $hi# (i8x16.shr_u (local.get $v#) (i32.const 4)))
        ;; A character is invalid when its two nibble classes overlap.
        (local.set $bad
          (v128.or (local.get $bad)
            (v128.and
              (i8x16.swizzle ($LUT_LO) (v128.and (local.get $v#) (v128.const i8x16 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15)))
              (i8x16.swizzle ($LUT_HI) (local.get $hi#)))))
        ;; 6-bit value = char + roll[high nibble - (char == '/')].
        (local.set $v#
          (i8x16.add (local.get $v#)
            (i8x16.swizzle ($ROLL)
              (i8x16.add (local.get $hi#)
                (i8x16.eq (local.get $v#) (v128.const i8x16 47 47 47 47 47 47 47 47 47 47 47 47 47 47 47 47))))))
        ;; Pairs of values → 12 bits per 16-bit lane: (first << 6) | second.
        (local.set $v#
          (v128.or
            (v128.and (i16x8.shl (local.get $v#) (i32.const 6)) (v128.const i16x8 0x0fc0 0x0fc0 0x0fc0 0x0fc0 0x0fc0 0x0fc0 0x0fc0 0x0fc0))
            (i16x8.shr_u (local.get $v#) (i32.const 8))))
        ;; Pairs of lanes → 24 bits per 32-bit lane: (first << 12) | second.
        (local.set $v# (i32x4.dot_i16x8_s (local.get $v#) (v128.const i16x8 4096 1 4096 1 4096 1 4096 1)))
        ;; Each lane holds its 3 bytes little-endian: emit them most significant first.
        (v128.store offset=@out (local.get $q)
          (i8x16.shuffle 2 1 0 6 5 4 10 9 8 14 13 12 0 0 0 0 (local.get $v#) (local.get $v#)))
        ;; END BLOCK
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (local.set $q (i32.add (local.get $q) (i32.const 48)))
        (br $next)))
    (if (result i32) (v128.any_true (local.get $bad))
      (then (i32.const -1))
      (else (i32.sub (local.get $p) (local.get $in))))))
