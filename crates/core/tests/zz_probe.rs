use yrs::updates::decoder::Decode;
use yrs::{Doc, Map, MapPrelim, ReadTxn, StateVector, Text, TextPrelim, Transact, Update};

fn valid_updates() -> Vec<Vec<u8>> {
    let doc = Doc::with_client_id(7);
    let notes = doc.get_or_insert_map("notes");
    let mut out = vec![];
    {
        let mut txn = doc.transact_mut();
        let m = notes.insert(&mut txn, "n1", MapPrelim::default());
        m.insert(&mut txn, "x", 1.5f64);
        m.insert(&mut txn, "board", "b1");
        let t = m.insert(&mut txn, "text", TextPrelim::new("hello wörld"));
        t.insert(&mut txn, 3, "zz");
        out.push(txn.encode_update_v1());
    }
    {
        let mut txn = doc.transact_mut();
        notes.remove(&mut txn, "n1");
        out.push(txn.encode_update_v1());
    }
    out.push(doc.transact().encode_state_as_update_v1(&StateVector::default()));
    out
}

fn try_apply(bytes: &[u8]) -> &'static str {
    let r = std::panic::catch_unwind(|| {
        let base = valid_updates();
        let doc = Doc::with_client_id(9);
        let _ = doc.get_or_insert_map("notes");
        doc.transact_mut().apply_update(Update::decode_v1(&base[0]).unwrap()).unwrap();
        match Update::decode_v1(bytes) {
            Err(_) => "decode_err",
            Ok(u) => match doc.transact_mut().apply_update(u) {
                Ok(()) => { let _ = doc.transact().encode_state_as_update_v1(&StateVector::default()); "ok" },
                Err(_) => "apply_err",
            },
        }
    });
    r.unwrap_or("PANIC")
}

#[test]
fn probe() {
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = fastrand_like(12345);
    let mut counts = std::collections::BTreeMap::new();
    let base = valid_updates();
    for i in 0..20000 {
        let bytes: Vec<u8> = if i % 2 == 0 {
            let len = (rng() % 40) as usize;
            (0..len).map(|_| rng() as u8).collect()
        } else {
            let mut b = base[(rng() % 3) as usize].clone();
            let n = 1 + rng() % 3;
            for _ in 0..n { let p = (rng() as usize) % b.len(); b[p] = rng() as u8; }
            b
        };
        let r = try_apply(&bytes);
        *counts.entry((i % 2, r)).or_insert(0) += 1;
        if r == "PANIC" && counts[&(i % 2, r)] < 4 { eprintln!("panic input {:?}", bytes); }
    }
    let _ = std::panic::take_hook();
    eprintln!("{:?}", counts);
}

fn fastrand_like(mut s: u64) -> impl FnMut() -> u64 {
    move || { s ^= s << 13; s ^= s >> 7; s ^= s << 17; s }
}
