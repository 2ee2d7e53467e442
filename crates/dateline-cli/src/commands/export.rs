//! `dateline export`: the timeline as an image, or the events as data; the file's extension
//! chooses the format unless `--format` names a data format.

use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;
use dateline::{DataFormat, LaneBy, ThemeName};

use crate::args::{FilterArgs, WorkspaceArg};
use crate::exit::{Failure, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to write; its extension chooses the format unless --format is given.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// A data format, whatever the extension.
    #[arg(long, value_enum)]
    format: Option<DataFormatArg>,
    /// The events, as `dateline events` selects them; `--from` and `--to` are also the image's
    /// time axis (default: the first and last event).
    #[command(flatten)]
    selection: FilterArgs,
    /// One lane per event type, actor, country or source.
    #[arg(long, value_enum, default_value_t = Lanes::Type)]
    lanes: Lanes,
    /// Width in pixels (before --scale).
    #[arg(long, default_value_t = 1600)]
    width: u32,
    /// Pixel ratio of PNG output (2 for sharp images on high-density screens).
    #[arg(long, default_value_t = 1.0)]
    scale: f32,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    subtitle: Option<String>,
    /// Dark background.
    #[arg(long)]
    dark: bool,
    #[command(flatten)]
    workspace: WorkspaceArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DataFormatArg {
    Csv,
    Json,
    Graphml,
    Gexf,
    Ics,
    Timelinejs,
}

impl From<DataFormatArg> for DataFormat {
    fn from(f: DataFormatArg) -> Self {
        match f {
            DataFormatArg::Csv => DataFormat::Csv,
            DataFormatArg::Json => DataFormat::Json,
            DataFormatArg::Graphml => DataFormat::GraphMl,
            DataFormatArg::Gexf => DataFormat::Gexf,
            DataFormatArg::Ics => DataFormat::Ics,
            DataFormatArg::Timelinejs => DataFormat::TimelineJs,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Lanes {
    Type,
    Actor,
    Country,
    Source,
}

impl From<Lanes> for LaneBy {
    fn from(l: Lanes) -> Self {
        match l {
            Lanes::Type => LaneBy::Type,
            Lanes::Actor => LaneBy::Actor,
            Lanes::Country => LaneBy::Country,
            Lanes::Source => LaneBy::Source,
        }
    }
}

pub fn run(args: Args) -> Result<Outcome, Failure> {
    let ws = args.workspace.open_read()?;
    let selection = args.selection.to_selection(&ws)?;
    let path = &args.out;
    let exporting = || format!("exporting {}", path.display());
    if let Some(data) = args.format.map(DataFormat::from).or_else(|| DataFormat::from_path(path)) {
        ws.export_data(path, data, &selection, chrono::Utc::now()).with_context(exporting)?;
        if data == DataFormat::Csv {
            let actors = dateline::data_export::actors_csv_path(path);
            eprintln!("wrote {} and {}", path.display(), actors.display());
        } else {
            eprintln!("wrote {}", path.display());
        }
        return Ok(Outcome::Done);
    }
    let options = dateline::ExportOptions {
        width: args.width,
        scale: args.scale,
        from: selection.from,
        to: selection.to,
        lanes: args.lanes.into(),
        title: args.title.or_else(|| Some("Diplomatic timeline".into())),
        subtitle: args.subtitle,
        theme: if args.dark { ThemeName::Dark } else { ThemeName::Light },
        ..Default::default()
    };
    let today = chrono::Utc::now().date_naive();
    ws.export_image(path, &selection, options, today).with_context(exporting)?;
    eprintln!("wrote {}", path.display());
    Ok(Outcome::Done)
}
