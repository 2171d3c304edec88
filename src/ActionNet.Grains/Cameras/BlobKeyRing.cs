using System.Xml.Linq;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ActionNet.Grains.Cameras;

/// <summary>
/// The Data Protection key ring as one XML blob in the cluster's storage account, shared by every silo.
/// A new key is added with an ETag condition, so silos that add keys at the same moment keep each other's.
/// </summary>
public sealed class BlobKeyRing(BlobClient blob) : IXmlRepository
{
    private const int Attempts = 10;

    /// <inheritdoc/>
    public IReadOnlyCollection<XElement> GetAllElements() => Read().Root.Elements().ToList();

    /// <inheritdoc/>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        blob.GetParentBlobContainerClient().CreateIfNotExists();
        for (var attempt = 1; ; attempt++)
        {
            var (root, etag) = Read();
            root.Add(element);
            var conditions = etag is { } tag ? new BlobRequestConditions { IfMatch = tag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(root.ToString(SaveOptions.DisableFormatting)));
                blob.Upload(content, new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/xml" } });
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                // Another silo wrote a key first: read its ring and add ours to it.
            }
        }
    }

    private (XElement Root, ETag? ETag) Read()
    {
        try
        {
            var download = blob.DownloadContent();
            return (XElement.Parse(download.Value.Content.ToString()), download.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (new XElement("repository"), null);
        }
    }
}
