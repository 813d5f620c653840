//! `bcop serve`: the preview server ([`crate::serve`]), from its command line.

use crate::cli::ServeArgs;
use crate::error::{Code, Error, Result};
use crate::serve::Settings;
use std::net::IpAddr;

pub fn run(args: &ServeArgs) -> Result<()> {
    let ip: IpAddr = args.bind.parse().map_err(|_| {
        Error::command(
            Code::BadArgument,
            format!("`{}` is not an IP address", args.bind),
            "give --bind an address such as 127.0.0.1 or ::1",
        )
    })?;
    if !ip.is_loopback() && !args.allow_remote {
        return Err(Error::command(
            Code::BadArgument,
            format!("refusing to serve on {ip}, which other machines can reach"),
            "pass --allow-remote if that is what you want",
        ));
    }
    let site = crate::pipeline::Options {
        drafts: args.drafts,
        pdf: args.pdf,
        // Canonical links and the sitemap point at the preview itself.
        base_url: Some(format!("http://{}:{}/", args.bind, args.port)),
        // Made after each rebuild's pages are shown (crate::serve).
        search: crate::pipeline::Search::Later,
        ..super::with_cache(crate::pipeline::Options::new(&args.root), &args.cache)
    };
    crate::serve::run(&Settings {
        site,
        ip,
        port: args.port,
    })
}
